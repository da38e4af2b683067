# The console's translations: what lupdate reads and which .ts files it writes. Included by
# app/channeldesk (which compiles them into the executable) and by tests/translations (which
# checks that they are complete), so both look at the same sources.
#
#   CHANNELDESK_TS_FILES          translations/channeldesk_<lang>.ts, one per language
#   CHANNELDESK_I18N_SOURCES      the sources whose tr() strings reach the console's screen
#   CHANNELDESK_I18N_INCLUDES     where lupdate finds the headers of those classes
#   CHANNELDESK_LUPDATE_OPTIONS   how lupdate writes the .ts files
#   CHANNELDESK_EN_TS_FILE        translations/channeldesk_en.ts: English plural forms only
#   CHANNELDESK_EN_LUPDATE_OPTIONS  how lupdate writes it (-pluralonly)
set(CHANNELDESK_LANGUAGES de fr)
set(CHANNELDESK_TS_FILES)
foreach(lang IN LISTS CHANNELDESK_LANGUAGES)
    list(APPEND CHANNELDESK_TS_FILES ${PROJECT_SOURCE_DIR}/translations/channeldesk_${lang}.ts)
endforeach()

# The GUI and the parts of the core whose messages it shows: the worker and its settings
# (console/), the alert texts (core/metrics), the demo's events (sim/) and the keychain's name (secrets).
set(CHANNELDESK_I18N_SOURCES)
foreach(dir app/channeldesk ui console core/metrics sim core/secrets)
    file(GLOB_RECURSE found CONFIGURE_DEPENDS
        ${PROJECT_SOURCE_DIR}/${dir}/*.cpp ${PROJECT_SOURCE_DIR}/${dir}/*.h)
    list(APPEND CHANNELDESK_I18N_SOURCES ${found})
endforeach()
list(SORT CHANNELDESK_I18N_SOURCES)
# ("console/x.h" and "sim/x.h" resolve from the project's root, "store/x.h" from core/.)
set(CHANNELDESK_I18N_INCLUDES ${PROJECT_SOURCE_DIR}/app/channeldesk ${PROJECT_SOURCE_DIR}/ui
    ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/core)
# No source locations: a moved line does not rewrite the .ts files.
set(CHANNELDESK_LUPDATE_OPTIONS -locations none)

# English needs no translation but its plural forms: "%n order(s)" becomes "1 order" and
# "3 orders". channeldesk_en.ts holds only the numerus messages (lupdate -pluralonly), so it is
# updated by a lupdate run of its own, over the same sources.
set(CHANNELDESK_EN_TS_FILE ${PROJECT_SOURCE_DIR}/translations/channeldesk_en.ts)
set(CHANNELDESK_EN_LUPDATE_OPTIONS ${CHANNELDESK_LUPDATE_OPTIONS} -pluralonly)
