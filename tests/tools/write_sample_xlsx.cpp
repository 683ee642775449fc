// Writes the sample appendices of the writer tests to the XLSX file named on the command line,
// for the CTest that reads it back with openpyxl.
#include <fmt/format.h>

#include "../support/sample_docs.hpp"
#include "ntreport/write/xlsx.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    fmt::print(stderr, "usage: write_sample_xlsx OUT.xlsx\n");
    return 2;
  }
  ntr::XlsxOptions options;
  options.created = 1724803200;  // 2024-08-28T00:00:00Z, the end of the sample period
  ntr::Diagnostics diags;
  std::vector<ntr::ReportDoc> docs = {ntr::sample::dossiers(), ntr::sample::documents(),
                                      ntr::sample::targets()};
  for (auto& doc : docs) doc.reference = "(Kèm theo Công văn số 123/STTTT-CĐS)";
  if (!ntr::write_xlsx(argv[1], docs, options, diags)) {
    for (const auto& d : diags.all()) fmt::print(stderr, "{}\n", ntr::format_diagnostic(d));
    return 3;
  }
  return 0;
}
