# A diagnostic code the catalogue does not hold must not compile: the same file compiles
# with a cataloged code and fails, naming unknown_diagnostic_code, with a mistyped one.
foreach(variant ok typo)
  set(defs)
  if(variant STREQUAL "typo")
    set(defs -DNTR_TYPO)
  endif()
  execute_process(
    COMMAND ${CXX} -std=c++20 -fsyntax-only -I${INCLUDE} ${defs} ${SOURCE}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(variant STREQUAL "ok" AND NOT rc EQUAL 0)
    message(FATAL_ERROR "a cataloged code does not compile:\n${err}")
  endif()
  if(variant STREQUAL "typo")
    if(rc EQUAL 0)
      message(FATAL_ERROR "a mistyped diagnostic code compiled")
    endif()
    if(NOT err MATCHES "unknown_diagnostic_code")
      message(FATAL_ERROR "a mistyped code failed for another reason:\n${err}")
    endif()
  endif()
endforeach()
