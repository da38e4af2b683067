# The throwaway PostgreSQL cluster of the *_postgres tests (tests/common/pgcluster.sh, started and
# stopped by the ctest fixtures pg_cluster_start and pg_cluster_stop of tests/CMakeLists.txt). Its
# port comes from the build folder, so two build trees on one machine never share a cluster.
string(MD5 _channeldesk_build_hash "${CMAKE_BINARY_DIR}")
string(SUBSTRING "${_channeldesk_build_hash}" 0 4 _channeldesk_build_hash)
math(EXPR _channeldesk_pg_port "20000 + (0x${_channeldesk_build_hash} % 10000)")
set(CHANNELDESK_TEST_PG_PORT ${_channeldesk_pg_port} CACHE STRING
    "Loopback port of the test suite's throwaway PostgreSQL cluster")
set(CHANNELDESK_TEST_PG_URL "postgresql://channeldesk@127.0.0.1:${CHANNELDESK_TEST_PG_PORT}/postgres")
set(CHANNELDESK_PGCLUSTER "${PROJECT_SOURCE_DIR}/tests/common/pgcluster.sh")

# channeldesk_add_test(NAME SOURCES a.cpp ... [LIBRARIES ...] [LABELS ...]
#                      [BOTH_BACKENDS | POSTGRES_ONLY])
# One QtTest executable per test class, registered with CTest under its own name. Tests run
# offscreen and with a private data location so they never touch the user's files.
# BOTH_BACKENDS registers the same executable a second time as NAME_postgres, with
# CHANNELDESK_TEST_BACKEND=postgres and the test cluster's URL (CHANNELDESK_TEST_PG_URL): the test
# takes its databases from tests/common/testbackend.h, which then makes each one a fresh
# PostgreSQL database. NAME_postgres is skipped (exit 77) where no PostgreSQL server is installed.
# POSTGRES_ONLY registers NAME_postgres alone, for what only PostgreSQL can get wrong.
function(channeldesk_add_test name)
    cmake_parse_arguments(ARG "BOTH_BACKENDS;POSTGRES_ONLY" "" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    set_target_properties(${name} PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
    target_link_libraries(${name} PRIVATE Qt6::Test ChannelDesk::common ${ARG_LIBRARIES})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
    if(ARG_POSTGRES_ONLY)
        channeldesk_add_postgres_test(${name}_postgres $<TARGET_FILE:${name}> LABELS ${ARG_LABELS})
        return()
    endif()
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=channeldesk.*.debug=false"
        TIMEOUT 300)
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
    if(ARG_BOTH_BACKENDS)
        channeldesk_add_postgres_test(${name}_postgres $<TARGET_FILE:${name}> LABELS ${ARG_LABELS})
    endif()
endfunction()

# channeldesk_add_postgres_test(TESTNAME COMMAND... [LABELS ...])
# A test that runs against the throwaway cluster only (CHANNELDESK_TEST_BACKEND=postgres).
function(channeldesk_add_postgres_test name)
    cmake_parse_arguments(ARG "" "" "LABELS" ${ARGN})
    add_test(NAME ${name} COMMAND sh ${CHANNELDESK_PGCLUSTER} exec ${ARG_UNPARSED_ARGUMENTS})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=channeldesk.*.debug=false;\
CHANNELDESK_TEST_BACKEND=postgres;CHANNELDESK_TEST_PG_URL=${CHANNELDESK_TEST_PG_URL}"
        TIMEOUT 300
        SKIP_RETURN_CODE 77
        FIXTURES_REQUIRED pg_cluster)
    set(labels postgres ${ARG_LABELS})
    set_tests_properties(${name} PROPERTIES LABELS "${labels}")
endfunction()
