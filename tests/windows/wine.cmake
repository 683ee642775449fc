# ntreport.exe (scripts/build-windows.sh) tested under Wine, when NTR_WINDOWS_EXE names it:
# every golden and error-catalogue case, the Windows-made period folder against this build's
# binary (same messages, same bytes), and nothing lost on Ctrl-C or with a file held open.
set(NTR_WINDOWS_EXE "" CACHE FILEPATH "ntreport.exe to test under Wine (scripts/build-windows.sh)")
if(NOT NTR_WINDOWS_EXE)
  return()
endif()
find_program(NTR_WINE wine)
find_program(NTR_MINGW_CC x86_64-w64-mingw32-gcc-posix)
if(NOT NTR_WINE OR NOT NTR_MINGW_CC)
  message(WARNING "NTR_WINDOWS_EXE is set but wine or MinGW-w64 is missing "
                  "(scripts/setup.sh --windows): no Wine tests")
  return()
endif()

set(NTR_WINEPREFIX ${CMAKE_BINARY_DIR}/wine-prefix)
set(NTR_WINE_DIR ${CMAKE_BINARY_DIR}/wine)
# The holder of a file, as Excel holds a workbook it shows.
add_custom_command(OUTPUT ${NTR_WINE_DIR}/hold_open.exe
  COMMAND ${NTR_MINGW_CC} -O2 -Wall -Wextra -Werror -o ${NTR_WINE_DIR}/hold_open.exe
          ${CMAKE_CURRENT_SOURCE_DIR}/windows/hold_open.c
  DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/windows/hold_open.c VERBATIM)
add_custom_target(wine_tools ALL DEPENDS ${NTR_WINE_DIR}/hold_open.exe)
# One wrapper per program: the golden runner and the scripts run it as they run a binary.
foreach(program ntreport hold_open)
  if(program STREQUAL "ntreport")
    set(NTR_WINE_PROGRAM ${NTR_WINDOWS_EXE})
  else()
    set(NTR_WINE_PROGRAM ${NTR_WINE_DIR}/hold_open.exe)
  endif()
  configure_file(${CMAKE_CURRENT_SOURCE_DIR}/windows/wine-run.sh.in ${NTR_WINE_DIR}/${program}
                 @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
                 GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()
set(NTR_WINE_NTREPORT ${NTR_WINE_DIR}/ntreport)

add_test(NAME wine/start COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/windows/wine-prefix.sh start
                                 ${NTR_WINEPREFIX})
add_test(NAME wine/stop COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/windows/wine-prefix.sh stop
                                ${NTR_WINEPREFIX})
set_tests_properties(wine/start PROPERTIES FIXTURES_SETUP wine TIMEOUT 600)
set_tests_properties(wine/stop PROPERTIES FIXTURES_CLEANUP wine)

# Every case, .xls workbooks included (FreeXL is built for Windows: scripts/windows/freexl.sh).
set(NTR_WINE_GOLDEN_CASES ${NTR_GOLDEN_CASES})
set(NTR_WINE_ERROR_ARGS ${NTR_ERROR_ARGS})

set(NTR_WINE_TESTS)
foreach(case_dir IN LISTS NTR_WINE_GOLDEN_CASES)
  if(IS_DIRECTORY ${case_dir} AND EXISTS ${case_dir}/args)
    get_filename_component(case ${case_dir} NAME)
    add_test(NAME wine/golden/${case}
      COMMAND ${NTR_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/golden/run_golden.py ${case_dir}
              ${NTR_WINE_NTREPORT})
    list(APPEND NTR_WINE_TESTS wine/golden/${case})
  endif()
endforeach()
foreach(args_file IN LISTS NTR_WINE_ERROR_ARGS)
  get_filename_component(case_dir ${args_file} DIRECTORY)
  file(RELATIVE_PATH case ${CMAKE_CURRENT_SOURCE_DIR}/errors ${case_dir})
  add_test(NAME wine/errors/${case}
    COMMAND ${NTR_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/golden/run_golden.py ${case_dir}
            ${NTR_WINE_NTREPORT})
  list(APPEND NTR_WINE_TESTS wine/errors/${case})
endforeach()
add_test(NAME wine/portable-period
  COMMAND ${NTR_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/scripts/portable_period.py
          ${CMAKE_CURRENT_SOURCE_DIR}/golden/sample-2024 ${PROJECT_SOURCE_DIR}/data/samples/2024
          $<TARGET_FILE:ntreport> ${NTR_WINE_NTREPORT})
add_test(NAME wine/interrupt-and-lock
  COMMAND ${NTR_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/windows/interrupt_and_lock.py
          ${NTR_WINE_NTREPORT} ${NTR_WINE_DIR}/hold_open)
# Every case that writes files: the same bytes as this build's binary, workbooks included.
set(NTR_WINE_SAME_CASES)
foreach(case_dir IN LISTS NTR_WINE_GOLDEN_CASES)
  if(IS_DIRECTORY ${case_dir} AND EXISTS ${case_dir}/args)
    list(APPEND NTR_WINE_SAME_CASES ${case_dir})
  endif()
endforeach()
foreach(args_file IN LISTS NTR_WINE_ERROR_ARGS)
  get_filename_component(case_dir ${args_file} DIRECTORY)
  list(APPEND NTR_WINE_SAME_CASES ${case_dir})
endforeach()
add_test(NAME wine/same-as-linux
  COMMAND ${NTR_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/windows/same_as_linux.py
          $<TARGET_FILE:ntreport> ${NTR_WINE_NTREPORT} ${NTR_WINE_SAME_CASES})
list(APPEND NTR_WINE_TESTS wine/portable-period wine/interrupt-and-lock wine/same-as-linux)
set_tests_properties(${NTR_WINE_TESTS} PROPERTIES FIXTURES_REQUIRED wine TIMEOUT 600)
