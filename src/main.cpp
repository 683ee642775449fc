#include <cstdlib>

#include "ntreport/cli/app.hpp"

int main(int argc, char** argv) {
  // libzip converts the time of every zip entry with mktime, and glibc re-reads the time zone
  // file on each call when TZ is unset: ten stat calls per workbook, a tenth of the time of a
  // national build. Nothing ntreport writes depends on the time zone, so with TZ unset it uses
  // UTC. Set here, before any thread starts.
  setenv("TZ", "UTC", 0);
  return ntr::run_cli(argc, argv);
}
