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
    if(CHANNELDESK_ASAN)
        target_compile_options(channeldesk_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
        target_link_options(channeldesk_common INTERFACE -fsanitize=address,undefined)
    endif()
    if(CHANNELDESK_TSAN)
        target_compile_options(channeldesk_common INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
        target_link_options(channeldesk_common INTERFACE -fsanitize=thread)
    endif()
endif()
