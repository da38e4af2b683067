# Man pages for the programs, made at build time from their own --help by Debian's help2man
# (packaging/install-deps.sh installs it) and installed gzipped in share/man/man1, so a page
# never tells another story than the program. The console's --help runs offscreen (no display
# needed) and every program in the C locale (English, whatever the builder's language).
#   channeldesk_add_man_page(TARGET "what it is, for the NAME line" [INCLUDE file])
# INCLUDE: a help2man include file with sections --help does not have.
find_program(HELP2MAN help2man)
find_program(GZIP gzip)
if(HELP2MAN AND GZIP)
    set(CHANNELDESK_MAN_PAGES ON)
else()
    set(CHANNELDESK_MAN_PAGES OFF)
    message(STATUS "help2man or gzip not found: no man pages (lintian will say so)")
endif()

function(channeldesk_add_man_page target name)
    cmake_parse_arguments(ARG "" "INCLUDE" "" ${ARGN})
    if(NOT CHANNELDESK_MAN_PAGES)
        return()
    endif()
    set(page ${CMAKE_BINARY_DIR}/man/${target}.1)
    set(include_args)
    if(ARG_INCLUDE)
        set(include_args --include=${ARG_INCLUDE})
    endif()
    add_custom_command(OUTPUT ${page}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
        COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen LC_ALL=C LANGUAGE=
            ${HELP2MAN} --no-info --section=1 --name=${name} ${include_args}
            --output=${page} $<TARGET_FILE:${target}>
        COMMAND ${GZIP} -9nf ${page}
        DEPENDS ${target} ${ARG_INCLUDE}
        COMMENT "Writing the man page of ${target} (help2man)"
        VERBATIM)
    add_custom_target(${target}_man ALL DEPENDS ${page}.gz)
    install(FILES ${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endfunction()
