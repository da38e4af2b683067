# cmake -DBUILD_DIR=... -DWORK_DIR=... -DGUI=ON|OFF -DMAN_PAGES=ON|OFF [-DLINTIAN=...] [-DMAN=...]
#       -P this
# Packs the build with `cpack -G DEB` into WORK_DIR, unpacks the .deb as dpkg would install it
# and checks what a Debian user and lintian expect of it; fails on any lintian error or warning.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

# The build is up to date when ctest runs; cpack's pre-install step then builds nothing.
execute_process(
    COMMAND ${CMAKE_CPACK_COMMAND} -G DEB --config ${BUILD_DIR}/CPackConfig.cmake -B ${WORK_DIR}
    RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cpack failed (${result}):\n${out}")
endif()
file(GLOB debs ${WORK_DIR}/*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${WORK_DIR}, found: ${debs}")
endif()
message(STATUS "packed ${debs}")

set(root ${WORK_DIR}/root)
execute_process(COMMAND dpkg-deb -x ${debs} ${root} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "dpkg-deb -x failed: ${result}")
endif()
set(doc ${root}/usr/share/doc/channeldesk)
foreach(file ${doc}/copyright ${doc}/changelog.gz
        ${root}/usr/share/bash-completion/completions/channeldesk-cli)
    if(NOT EXISTS ${file})
        message(FATAL_ERROR "the .deb has no ${file}")
    endif()
endforeach()

# The copyright file is machine-readable (DEP-5), and the changelog's newest entry is this
# package's version.
file(STRINGS ${doc}/copyright format LIMIT_COUNT 1)
if(NOT format STREQUAL "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
    message(FATAL_ERROR "copyright is not DEP-5: it starts with \"${format}\"")
endif()
execute_process(COMMAND dpkg-deb --field ${debs} Version
    OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND sh -c "gzip -dc \"$1\" | dpkg-parsechangelog -l - -S Version" sh
        ${doc}/changelog.gz
    OUTPUT_VARIABLE changelog_version OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE result)
if(NOT result EQUAL 0 OR NOT changelog_version STREQUAL version)
    message(FATAL_ERROR
        "changelog.gz's newest entry is \"${changelog_version}\", the package is ${version}")
endif()

# Each program's man page renders without a complaint from man or groff, and `man NAME` finds
# it once installed (MANPATH: the unpacked tree).
set(programs channeldesk-cli channeldesk-sim)
if(GUI)
    list(APPEND programs channeldesk)
endif()
if(MAN_PAGES)
    if(NOT MAN)
        message(FATAL_ERROR "man is not installed: the man pages cannot be checked")
    endif()
    foreach(program ${programs})
        set(page ${root}/usr/share/man/man1/${program}.1.gz)
        if(NOT EXISTS ${page})
            message(FATAL_ERROR "the .deb has no man page for ${program}")
        endif()
        execute_process(COMMAND ${CMAKE_COMMAND} -E env MANWIDTH=80 LC_ALL=C.UTF-8
                ${MAN} --warnings -l ${page}
            RESULT_VARIABLE result OUTPUT_VARIABLE rendered ERROR_VARIABLE complaints)
        if(NOT result EQUAL 0 OR NOT complaints STREQUAL "")
            message(FATAL_ERROR "man -l ${program}.1.gz: ${result}\n${complaints}")
        endif()
        if(NOT rendered MATCHES "NAME\n +${program} - ")
            message(FATAL_ERROR "${program}.1.gz has no NAME line:\n${rendered}")
        endif()
        execute_process(COMMAND ${CMAKE_COMMAND} -E env MANWIDTH=80 LC_ALL=C.UTF-8
                MANPATH=${root}/usr/share/man ${MAN} ${program}
            RESULT_VARIABLE result OUTPUT_VARIABLE found ERROR_VARIABLE complaints)
        if(NOT result EQUAL 0 OR NOT found STREQUAL rendered)
            message(FATAL_ERROR "man ${program} did not find its page: ${result}\n${complaints}")
        endif()
        if(program STREQUAL "channeldesk-cli" AND NOT rendered MATCHES "Exit status:\n +0 +success")
            message(FATAL_ERROR "channeldesk-cli.1.gz has no exit status table:\n${rendered}")
        endif()
    endforeach()
endif()

if(LINTIAN)
    # --fail-on error,warning: exit non-zero on any E: or W: line (an override counts as
    # neither). Info and pedantic tags are not shown.
    execute_process(COMMAND ${LINTIAN} --fail-on error,warning --no-tag-display-limit ${debs}
        RESULT_VARIABLE result OUTPUT_VARIABLE said ERROR_VARIABLE said)
    if(NOT result EQUAL 0 OR said MATCHES "(^|\n)[EW]: ")
        message(FATAL_ERROR "lintian (${result}):\n${said}")
    endif()
    message(STATUS "lintian: no error, no warning")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
