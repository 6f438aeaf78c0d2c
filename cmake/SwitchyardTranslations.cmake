# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Switchyard developers
# Translations: translations/switchyard_<lang>.ts -> .qm embedded at :/i18n/ in every executable.
#
# switchyard_add_translations(<target>)
#   Does nothing (one STATUS line) when Qt6LinguistTools is missing, e.g. on a GUI-OFF machine.
#   The first target in a directory gets qt_add_translations(); later targets in the same directory
#   embed the very same .qm files (one lrelease rule per .qm, not one per target), so
#   switchyard and switchyard-server can share translations/switchyard_de.ts.
#   Also creates the `update_translations` target: lupdate over core/ ui/ app/ into the .ts files.

# Languages shipped; add one here and create translations/switchyard_<lang>.ts (lupdate can).
set(SWITCHYARD_TRANSLATION_LANGUAGES de)

function(_switchyard_ts_files out_var)
    set(files "")
    foreach(lang ${SWITCHYARD_TRANSLATION_LANGUAGES})
        list(APPEND files "${PROJECT_SOURCE_DIR}/translations/switchyard_${lang}.ts")
    endforeach()
    set(${out_var} "${files}" PARENT_SCOPE)
endfunction()

function(_switchyard_add_update_translations_target)
    if(TARGET update_translations)
        return()
    endif()
    _switchyard_ts_files(ts_files)
    set(dirs "")
    foreach(dir core ui app)
        if(IS_DIRECTORY "${PROJECT_SOURCE_DIR}/${dir}")
            list(APPEND dirs "${dir}")
        endif()
    endforeach()
    add_custom_target(update_translations
        # -I: includes are written from the repo root; without it lupdate cannot see
        # Q_DECLARE_TR_FUNCTIONS(Switchyard::Core) behind `Tr::tr` and files strings under "Tr".
        COMMAND "$<TARGET_FILE:Qt6::lupdate>" -I "${PROJECT_SOURCE_DIR}"
                -locations relative -extensions cpp,h,ui ${dirs} -ts ${ts_files}
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        COMMENT "lupdate over ${dirs} -> translations/*.ts"
        VERBATIM)
endfunction()

function(switchyard_add_translations target)
    find_package(Qt6 QUIET OPTIONAL_COMPONENTS LinguistTools)
    if(NOT Qt6LinguistTools_FOUND)
        message(STATUS "Qt6LinguistTools not found: ${target} is built without translations")
        return()
    endif()
    _switchyard_add_update_translations_target()
    _switchyard_ts_files(ts_files)

    get_property(owner DIRECTORY PROPERTY SWITCHYARD_TRANSLATIONS_OWNER)
    if(NOT owner)
        # Qt's per-target lupdate would scan only this target's own sources and mark the
        # rest obsolete, so keep it out of our global update_translations target.
        set(QT_GLOBAL_LUPDATE_TARGET switchyard_qt_lupdate_per_target)
        qt_add_translations(${target}
            TS_FILES ${ts_files}
            RESOURCE_PREFIX /i18n)
        set_property(DIRECTORY PROPERTY SWITCHYARD_TRANSLATIONS_OWNER ${target})
        return()
    endif()

    set(qm_files "")
    foreach(ts ${ts_files})
        get_filename_component(name "${ts}" NAME_WLE)
        list(APPEND qm_files "${CMAKE_CURRENT_BINARY_DIR}/${name}.qm")
    endforeach()
    qt_add_resources(${target} "${target}_translations"
        PREFIX /i18n
        BASE "${CMAKE_CURRENT_BINARY_DIR}"
        FILES ${qm_files})
    add_dependencies(${target} ${owner}_lrelease)
endfunction()
