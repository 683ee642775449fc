#include "ntreport/cli/app.hpp"
#include "ntreport/platform/process.hpp"

int main(int argc, char** argv) {
  ntr::platform::init_process();  // before any thread starts
  ntr::platform::Arguments args(argc, argv);
  return ntr::run_cli(args.argc(), args.argv());
}
