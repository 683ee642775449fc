# Installation and the Debian package (scripts/release.sh): the binary, the documentation and
# the sample periods. `cpack -G DEB` in the build folder makes ntreport_<version>_amd64.deb,
# its dependencies computed from the binary's shared libraries (dpkg-shlibdeps).
include(GNUInstallDirs)
install(TARGETS ntreport RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md"
  PATTERN "*.png")
install(DIRECTORY data/samples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/samples)

set(CPACK_PACKAGE_NAME ntreport)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "ntreport maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "compiles the appendix tables of a provincial digital-transformation report")
set(CPACK_PACKAGE_DESCRIPTION
    "ntreport reads per-unit spreadsheets (XLSX, CSV), validates them, aggregates them along the administrative hierarchy, computes the rates and writes the appendix tables as Markdown, XLSX and JSON.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
include(CPack)
