# Every fuzz target as a plain program (fuzz/replay_main.cpp) in every build: the inputs a
# fuzzer once crashed on (fuzz/regressions/<target>/) and the seed fixtures are replayed as
# CTests fuzz-replay/<target>. Included from tests/CMakeLists.txt.
set(NTR_FUZZ_DIR ${PROJECT_SOURCE_DIR}/fuzz)
set(NTR_FIXTURES ${PROJECT_SOURCE_DIR}/tests/fixtures)
set(NTR_REPLAY_SEEDS_csv ${NTR_FIXTURES}/csv ${NTR_FIXTURES}/ho-so-2024/semicolon-bom.csv
                         ${NTR_FIXTURES}/published ${PROJECT_SOURCE_DIR}/tests/errors)
set(NTR_REPLAY_SEEDS_ingest ${NTR_REPLAY_SEEDS_csv} ${PROJECT_SOURCE_DIR}/data/samples/2024/inputs
                            ${PROJECT_SOURCE_DIR}/data/samples/2023/inputs)
set(NTR_REPLAY_SEEDS_xlsx ${NTR_FIXTURES}/xlsx ${NTR_FIXTURES}/ho-so-2024/libreoffice.xlsx
                          ${NTR_FIXTURES}/ho-so-2024/xlsxwriter.xlsx ${PROJECT_SOURCE_DIR}/tests/errors)
set(NTR_REPLAY_SEEDS_count ${NTR_FUZZ_DIR}/seeds/count)
set(NTR_REPLAY_SEEDS_header ${NTR_FUZZ_DIR}/seeds/header)
set(NTR_REPLAY_SEEDS_summary ${PROJECT_SOURCE_DIR}/tests/golden/diff-bom
                             ${PROJECT_SOURCE_DIR}/tests/golden/sample-2024/expected/summary.json
                             ${PROJECT_SOURCE_DIR}/tests/errors/bad-json)
foreach(target csv xlsx count ingest header summary)
  add_executable(fuzz_replay_${target} ${NTR_FUZZ_DIR}/fuzz_${target}.cpp
                                       ${NTR_FUZZ_DIR}/replay_main.cpp)
  target_compile_options(fuzz_replay_${target} PRIVATE ${NTR_WARNINGS})
  target_link_libraries(fuzz_replay_${target} PRIVATE ntreport_core)
  add_test(NAME fuzz-replay/${target}
    COMMAND fuzz_replay_${target} ${NTR_FUZZ_DIR}/regressions/${target}
            ${NTR_REPLAY_SEEDS_${target}})
endforeach()
