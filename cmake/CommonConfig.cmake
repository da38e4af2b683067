# One INTERFACE target every ChannelDesk target links: language level, warnings, Qt hygiene.
add_library(channeldesk_common INTERFACE)
add_library(ChannelDesk::common ALIAS channeldesk_common)

target_compile_features(channeldesk_common INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_definitions(channeldesk_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_NO_FOREACH
    QT_NO_KEYWORDS)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(channeldesk_common INTERFACE -Wall -Wextra -Wpedantic)
    if(CHANNELDESK_WERROR)
        target_compile_options(channeldesk_common INTERFACE -Werror)
    endif()
    set(sanitize "${CHANNELDESK_SANITIZE}")
    if(CHANNELDESK_ASAN AND NOT sanitize)
        set(sanitize address,undefined)
    endif()
    if(CHANNELDESK_TSAN AND NOT sanitize)
        set(sanitize thread)
    endif()
    if(CHANNELDESK_FUZZ)
        if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
            message(FATAL_ERROR "CHANNELDESK_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++-14")
        endif()
        # Everything instrumented for coverage; the fuzz targets link the fuzzer's main.
        if(NOT sanitize)
            set(sanitize address,undefined)
        endif()
        set(sanitize ${sanitize},fuzzer-no-link)
    endif()
    if(sanitize)
        target_compile_options(channeldesk_common INTERFACE
            -fsanitize=${sanitize} -fno-omit-frame-pointer)
        if(sanitize MATCHES "undefined")
            # Every UB report fails the test that hit it instead of scrolling past in its output.
            target_compile_options(channeldesk_common INTERFACE -fno-sanitize-recover=undefined)
        endif()
        target_link_options(channeldesk_common INTERFACE -fsanitize=${sanitize})
    endif()
endif()

# channeldesk_include_root(TARGET FOLDER): "<FOLDER>/x.h" becomes includable by TARGET and by
# exactly the targets that link it, through a link named FOLDER in a build directory of its own.
# A library below it (core below sim below console below ui) has no such path, so an include of a
# higher layer fails to compile: the build, not review, keeps the layers' direction.
function(channeldesk_include_root target folder)
    set(root ${PROJECT_BINARY_DIR}/include-roots/${folder})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${folder} ${root}/${folder} SYMBOLIC)
    target_include_directories(${target} PUBLIC ${root})
endfunction()
