#include "ntreport/cli/app.hpp"

namespace ntr {

int run_cli(int /*argc*/, char** /*argv*/) { return 0; }

}  // namespace ntr
