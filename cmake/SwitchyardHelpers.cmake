# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
# Thin wrappers so every target gets the same defines, warnings and aliases.

function(switchyard_apply_defaults target)
    target_compile_definitions(${target} PRIVATE
        QT_NO_KEYWORDS QT_NO_CAST_TO_ASCII QT_RESTRICTED_CAST_FROM_ASCII
        QT_USE_QSTRINGBUILDER QT_NO_FOREACH)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(SWITCHYARD_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# switchyard_add_library(<name> ALIAS <Ns::Name> SOURCES ... LIBRARIES ...)
function(switchyard_add_library name)
    cmake_parse_arguments(ARG "" "ALIAS" "SOURCES;LIBRARIES" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    if(ARG_ALIAS)
        add_library(${ARG_ALIAS} ALIAS ${name})
    endif()
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
    target_link_libraries(${name} PUBLIC ${ARG_LIBRARIES})
    switchyard_apply_defaults(${name})
endfunction()

# switchyard_add_test(<name> SOURCES ... LIBRARIES ... LABELS ... [GUI])
function(switchyard_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBRARIES;LABELS" ${ARGN})
    qt_add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES} Qt::Test)
    switchyard_apply_defaults(${name})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT})
    if(ARG_GUI)
        set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
    endif()
endfunction()

# Links an executable against tcmalloc when the top level found it. The executable calls no
# tcmalloc function, so --no-as-needed keeps the library (and its malloc) in DT_NEEDED.
function(switchyard_link_allocator target)
    if(TCMALLOC_FOUND)
        # The library file itself: a link feature is not applied to an INTERFACE target.
        target_link_libraries(${target} PRIVATE
            "$<LINK_LIBRARY:switchyard_no_as_needed,${TCMALLOC_LINK_LIBRARIES}>")
    endif()
endfunction()
set(CMAKE_LINK_LIBRARY_USING_switchyard_no_as_needed
    "LINKER:--push-state,--no-as-needed" "<LINK_ITEM>" "LINKER:--pop-state")
set(CMAKE_LINK_LIBRARY_USING_switchyard_no_as_needed_SUPPORTED TRUE)
