# cmake -DBUILD_DIR=... -DINSTALL_DIR=... -DAPP_ID=... -DGUI=ON|OFF -DMAN_PAGES=ON|OFF
#       [-DAPPSTREAMCLI=...] -P this
# Installs the build into INSTALL_DIR/usr and fails unless exactly the expected files are there:
# the binaries, their man pages, the copyright file and changelog, the CLI's bash completion, the
# serve unit, and with the console its desktop file, metainfo and icons; no test, no library.
# With appstreamcli, also validates the tree (the metainfo's launchable must be installed).
file(REMOVE_RECURSE ${INSTALL_DIR})
execute_process(
    COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${INSTALL_DIR}/usr
    RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${result}")
endif()

set(expected usr/bin/channeldesk-cli usr/bin/channeldesk-sim
    usr/lib/systemd/system/channeldesk-serve.service
    usr/share/doc/channeldesk/copyright
    usr/share/doc/channeldesk/changelog.gz
    usr/share/bash-completion/completions/channeldesk-cli)
set(programs channeldesk-cli channeldesk-sim)
if(GUI)
    list(APPEND programs channeldesk)
endif()
if(MAN_PAGES)
    foreach(program ${programs})
        list(APPEND expected usr/share/man/man1/${program}.1.gz)
    endforeach()
endif()
if(GUI)
    list(APPEND expected
        usr/bin/channeldesk
        usr/share/applications/${APP_ID}.desktop
        usr/share/metainfo/${APP_ID}.metainfo.xml
        usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg)
    foreach(size 16 32 48 64 128 256)
        list(APPEND expected usr/share/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
    endforeach()
endif()
list(SORT expected)

file(GLOB_RECURSE installed LIST_DIRECTORIES false RELATIVE ${INSTALL_DIR} ${INSTALL_DIR}/*)
list(SORT installed)
if(NOT installed STREQUAL expected)
    set(missing ${expected})
    list(REMOVE_ITEM missing ${installed})
    set(extra ${installed})
    list(REMOVE_ITEM extra ${expected})
    message(FATAL_ERROR "install tree differs\n  missing: ${missing}\n  not expected: ${extra}")
endif()
list(LENGTH installed count)
message(STATUS "${count} files installed, as expected")

if(GUI AND APPSTREAMCLI)
    execute_process(
        COMMAND ${APPSTREAMCLI} validate-tree --no-net --strict ${INSTALL_DIR}
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "appstreamcli validate-tree failed: ${result}")
    endif()
endif()
file(REMOVE_RECURSE ${INSTALL_DIR})
