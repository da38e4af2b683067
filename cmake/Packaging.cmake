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

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME channeldesk)
set(CPACK_PACKAGE_VENDOR "ChannelDesk")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Debian wants the extended description in lines of at most 80 columns.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "ChannelDesk keeps one source of truth for stock when the same goods are sold on"
    "several channels (Shopify, WooCommerce, eBay, Amazon). Every order is applied in"
    "one database transaction and the new quantity is pushed to every other channel;"
    "refused pushes wait in a dead-letter queue."
    "This package holds the console (channeldesk), its headless front end"
    "(channeldesk-cli) and a channel simulator (channeldesk-sim).")
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
