#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "../support/sample_docs.hpp"
#include "ntreport/write/json.hpp"

using namespace ntr;

namespace {

BuildReport sample_report() {
  BuildReport report;
  report.period = Period{"2024-01-01", "2024-08-28"};
  report.appendices = {sample::dossiers(), sample::documents(), sample::targets()};
  Diagnostic in_sheet;
  in_sheet.severity = Severity::warning;
  in_sheet.code = "subtotal-mismatch";
  in_sheet.loc.file = "inputs/bao-an.xlsx";
  in_sheet.loc.sheet = "Số liệu";
  in_sheet.loc.has_sheet = true;
  in_sheet.loc.row = 7;
  in_sheet.loc.col = 5;
  in_sheet.message = "\"Qua mạng\" of \"Cấp xã\" is 71.922,\tthe rows sum to 71.920\\";
  Diagnostic whole_file;
  whole_file.severity = Severity::warning;
  whole_file.code = "duplicate-figure";
  whole_file.loc.file = "ho-so.csv";
  whole_file.message = std::string("line\nbreak and a control \x01 byte");
  report.warnings = {in_sheet, whole_file};
  return report;
}

}  // namespace

TEST_CASE("render_summary_json: the whole document") {
  const std::string expected = R"json({
  "period": {
    "from": "2024-01-01",
    "to": "2024-08-28"
  },
  "appendices": {
    "ho-so": {
      "title": "Kết quả tiếp nhận hồ sơ",
      "layout": "level",
      "levels": {
        "tinh": {
          "label": "Cấp tỉnh",
          "units": 3,
          "units_reported": 2,
          "received": 1250,
          "received_online": 696,
          "online_ratio": 0.5568
        },
        "xa": {
          "label": "Cấp xã",
          "units": 2,
          "units_reported": 2,
          "received": 3,
          "received_online": 2,
          "online_ratio": 0.6666666666666666
        }
      },
      "groups": [],
      "total": {
        "label": "Tổng cộng",
        "units": 5,
        "units_reported": 4,
        "received": 1253,
        "received_online": 698,
        "online_ratio": 0.5570630486831604
      },
      "units": {
        "so-tp": {
          "name": "Sở Tư pháp | Thanh tra",
          "level": "tinh",
          "status": "reported",
          "received": 1000,
          "received_online": 613,
          "online_ratio": 0.613
        },
        "so-tnmt": {
          "name": "Sở Tài nguyên và Môi trường",
          "level": "tinh",
          "status": "reported",
          "received": 250,
          "received_online": 83,
          "online_ratio": 0.332
        },
        "so-tnmt.van-phong": {
          "name": "Văn phòng Sở",
          "level": "tinh",
          "status": "reported",
          "received": 250,
          "received_online": 83,
          "online_ratio": 0.332
        },
        "ban-x": {
          "name": "=SUM(A1)",
          "level": "tinh",
          "status": "not_reported"
        },
        "xa.phuoc-ha": {
          "name": "Xã Phước Hà",
          "level": "xa",
          "status": "reported",
          "received": 3,
          "received_online": 2,
          "online_ratio": 0.6666666666666666
        },
        "xa.loi-hai": {
          "name": "Xã Lợi Hải",
          "level": "xa",
          "status": "reported",
          "received": 0,
          "received_online": 0,
          "online_ratio": null
        }
      },
      "items": [],
      "not_reported": [
        "ban-x"
      ]
    },
    "van-ban": {
      "title": "Số lượng văn bản đi, đến và tỷ lệ văn bản ký số",
      "layout": "area",
      "levels": {
        "tinh": {
          "label": "Các Sở, ban, ngành",
          "units": 0,
          "units_reported": 0,
          "docs_in": 120,
          "docs_out": 80,
          "signed_ratio": 0.9875
        },
        "xa": {
          "label": "Cấp xã",
          "units": 0,
          "units_reported": 0,
          "docs_in": 30,
          "docs_out": 20,
          "signed_ratio": 0.95
        },
        "huyen": {
          "label": "Cấp huyện",
          "units": 0,
          "units_reported": 0,
          "docs_in": 50,
          "docs_out": 40,
          "signed_ratio": 1
        }
      },
      "groups": [
        {
          "level": "xa",
          "area": "bac-ai",
          "label": "UBND cấp xã – huyện Bác Ái",
          "units": 0,
          "units_reported": 0,
          "docs_in": 30,
          "docs_out": 20,
          "signed_ratio": 0.95
        }
      ],
      "total": null,
      "units": {
        "so-nv": {
          "name": "Sở Nội vụ",
          "level": "tinh",
          "status": "reported",
          "docs_in": 120,
          "docs_out": 80,
          "signed_ratio": 0.9875
        },
        "bac-ai": {
          "name": "UBND huyện Bác Ái",
          "level": "huyen",
          "status": "reported",
          "docs_in": 50,
          "docs_out": 40,
          "signed_ratio": 1
        },
        "bac-ai.phuoc-binh": {
          "name": "Xã Phước Bình",
          "level": "xa",
          "status": "reported",
          "docs_in": 30,
          "docs_out": 20,
          "signed_ratio": 0.95
        }
      },
      "items": [],
      "not_reported": []
    },
    "chi-tieu": {
      "title": "Kết quả thực hiện các mục tiêu cụ thể",
      "layout": "targets",
      "levels": {},
      "groups": [],
      "total": null,
      "units": {},
      "items": [
        {
          "stt": "1",
          "label": "Tỷ lệ hồ sơ trực tuyến",
          "previous": 0.6,
          "target": 0.75,
          "result": 0.6089359272400995,
          "note": "Chưa đạt (thiếu 14,11%)"
        },
        {
          "stt": "2",
          "label": "Tỷ lệ \"số hóa\" kết quả",
          "target": 0.5,
          "result": null
        }
      ],
      "not_reported": []
    }
  },
  "narrative": [],
  "warnings": [
    {
      "file": "inputs/bao-an.xlsx",
      "sheet": "Số liệu",
      "cell": "E7",
      "code": "subtotal-mismatch",
      "message": "\"Qua mạng\" of \"Cấp xã\" is 71.922,\tthe rows sum to 71.920\\"
    },
    {
      "file": "ho-so.csv",
      "sheet": null,
      "cell": null,
      "code": "duplicate-figure",
      "message": "line\nbreak and a control \u0001 byte"
    }
  ]
}
)json";
  CHECK(render_summary_json(sample_report()) == expected);
}

TEST_CASE("render_summary_json: no period, no appendices, invalid UTF-8 replaced") {
  BuildReport report;
  Diagnostic d;
  d.severity = Severity::warning;
  d.code = "duplicate-figure";
  d.loc.file = "a\xff.csv";  // not UTF-8: the output must stay valid UTF-8
  d.loc.row = 3;
  d.loc.col = 2;
  d.message = "m";
  report.warnings = {d};
  const std::string expected =
      "{\n"
      "  \"period\": null,\n"
      "  \"appendices\": {},\n"
      "  \"narrative\": [],\n"
      "  \"warnings\": [\n"
      "    {\n"
      "      \"file\": \"a\xEF\xBF\xBD.csv\",\n"
      "      \"sheet\": null,\n"
      "      \"cell\": \"B3\",\n"
      "      \"code\": \"duplicate-figure\",\n"
      "      \"message\": \"m\"\n"
      "    }\n"
      "  ]\n"
      "}\n";
  CHECK(render_summary_json(report) == expected);
}

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("write_summary_json: streams the same bytes, past its 1 MiB pieces") {
  BuildReport report = sample_report();
  // 3 MB of warnings: the document goes out in several pieces.
  const Diagnostic warning = report.warnings.front();
  for (int i = 0; i < 20000; ++i) report.warnings.push_back(warning);
  const auto path = std::filesystem::temp_directory_path() /
                    fmt::format("ntr-summary-{}.json", std::random_device{}());
  Diagnostics diags;
  REQUIRE(write_summary_json(path.string(), report, diags));
  const std::string expected = render_summary_json(report);
  CHECK(expected.size() > 3'000'000);
  CHECK(slurp(path) == expected);
  CHECK(diags.error_count() == 0);
  std::filesystem::remove(path);
}

TEST_CASE("write_summary_json: a file that cannot be created is an io-error") {
  Diagnostics diags;
  const auto path = std::filesystem::temp_directory_path() / "ntr-no-such-folder" / "s.json";
  CHECK_FALSE(write_summary_json(path.string(), sample_report(), diags));
  REQUIRE(diags.error_count() == 1);
}
