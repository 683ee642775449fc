#include "ntreport/cli/app.hpp"

int main(int argc, char** argv) { return ntr::run_cli(argc, argv); }
