# Install rules for the desktop integration, and CPack producing the .deb:
#   cmake --build build && (cd build && cpack -G DEB)
# The binaries install themselves (app/*/CMakeLists.txt); tests never do.

# The console's desktop file, AppStream metainfo and icons, all named by the app id. Only when
# the console is built: a headless package must not offer a launcher for a missing binary.
if(TARGET channeldesk)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${CHANNELDESK_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/${CHANNELDESK_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/icons/hicolor
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons
        FILES_MATCHING PATTERN "${CHANNELDESK_APP_ID}.png" PATTERN "${CHANNELDESK_APP_ID}.svg")
endif()

# `channeldesk-cli serve` as a hardened systemd service (docs/channels.md#as-a-service), in
# <prefix>/lib/systemd/system: /usr/lib/systemd/system in the .deb.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/channeldesk-serve.service
    DESTINATION lib/systemd/system)
# Debian's documentation, man pages and shell completion (lintian checks the package for each:
# tests/packaging). The copyright file is machine-readable (DEP-5); the changelog is Debian's
# format, gzipped without a name or time stamp so the same source packs the same bytes.
set(CHANNELDESK_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/channeldesk)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright DESTINATION ${CHANNELDESK_DOCDIR})
set(changelog_gz ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${changelog_gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
    COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" sh ${PROJECT_SOURCE_DIR}/packaging/changelog
        ${changelog_gz}
    DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog
    COMMENT "Compressing the Debian changelog"
    VERBATIM)
add_custom_target(channeldesk_changelog ALL DEPENDS ${changelog_gz})
install(FILES ${changelog_gz} DESTINATION ${CHANNELDESK_DOCDIR})
# The changelog's newest entry names the version being packed (dpkg and lintian read it).
file(STRINGS ${PROJECT_SOURCE_DIR}/packaging/changelog changelog_head LIMIT_COUNT 1)
if(NOT changelog_head MATCHES "^channeldesk \\(${PROJECT_VERSION}\\) ")
    message(SEND_ERROR "packaging/changelog starts with \"${changelog_head}\": its newest entry "
        "must be for ${PROJECT_VERSION} (the project's version)")
endif()

if(TARGET channeldesk)
    channeldesk_add_man_page(channeldesk "the multi-channel stock sync console"
        INCLUDE ${PROJECT_SOURCE_DIR}/packaging/man/channeldesk.h2m)
endif()
# channeldesk-cli(1) also documents every command, from each command's own --help.
set(cli_commands_h2m ${CMAKE_BINARY_DIR}/man/channeldesk-cli-commands.h2m)
add_custom_command(OUTPUT ${cli_commands_h2m}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
    COMMAND ${CMAKE_COMMAND} -E env --unset=XDG_DATA_HOME HOME=~ LC_ALL=C
        sh ${PROJECT_SOURCE_DIR}/packaging/man/cli-commands.sh $<TARGET_FILE:channeldesk-cli>
        ${cli_commands_h2m}
    DEPENDS channeldesk-cli ${PROJECT_SOURCE_DIR}/packaging/man/cli-commands.sh
    COMMENT "Collecting the help of every channeldesk-cli command for its man page"
    VERBATIM)
channeldesk_add_man_page(channeldesk-cli "the headless front end of ChannelDesk"
    INCLUDE ${cli_commands_h2m})
channeldesk_add_man_page(channeldesk-sim "simulated sales channels and carriers on loopback"
    INCLUDE ${PROJECT_SOURCE_DIR}/packaging/man/channeldesk-sim.h2m)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/channeldesk-cli.bash-completion
    DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME channeldesk-cli)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME channeldesk)
set(CPACK_PACKAGE_VENDOR "ChannelDesk")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Debian wants the extended description in lines of at most 80 columns (lintian:
# extended-description-line-too-long counts the leading space CPack adds); an empty line
# separates paragraphs.
if(TARGET channeldesk)
    set(deb_programs
        "This package holds the console (channeldesk), its headless front end"
        "(channeldesk-cli) and a channel simulator (channeldesk-sim).")
else()
    set(deb_programs
        "This package holds the headless front end (channeldesk-cli) and a"
        "channel simulator (channeldesk-sim).")
endif()
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "ChannelDesk keeps one source of truth for stock when the same goods are"
    "sold on several channels (Shopify, WooCommerce, eBay, Amazon). Every"
    "order is applied in one database transaction and the new quantity is"
    "pushed to every other channel; refused pushes wait in a dead-letter"
    "queue."
    ""
    ${deb_programs})
set(CPACK_PACKAGE_CONTACT "ChannelDesk maintainers <maintainers@users.noreply.r-seed-04aa9040.example>")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps works out the Qt libraries the binaries link. It cannot see plugins Qt loads at
# run time: the SQLite driver (every binary) and the platform plugins (the console). The HTTP
# listener's libmicrohttpd is named as well, so the package says what serve stands on.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(deb_depends libqt6sql6-sqlite "libmicrohttpd12 (>= 0.9.71)")
if(TARGET channeldesk)
    list(APPEND deb_depends qt6-qpa-plugins)
endif()
list(JOIN deb_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# Qt's own texts (standard buttons, context menus) in the console's languages.
if(TARGET channeldesk)
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS qt6-translations-l10n)
endif()
# A postgresql:// database location needs the QPSQL driver; SQLite needs nothing more.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS libqt6sql6-psql)

include(CPack)
