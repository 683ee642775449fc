#pragma once
// Streaming XML over expat for workbook parts. Handlers see local names (any namespace prefix
// removed) and text only where they ask for it. No DTD is ever honoured: a DOCTYPE stops the
// parse, so no entity is expanded and no external file is read.
#include <expat.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

namespace ntr::xlsx {

/// Receives the events of one part.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  /// `attrs` is expat's null-terminated name/value array.
  virtual void on_start(std::string_view name, const char** attrs) = 0;
  virtual void on_end(std::string_view name) = 0;
  /// Character data, possibly split over several calls; only while text is wanted.
  virtual void on_text(std::string_view text);

  /// Stops the parse; the handler has reported its own problem first.
  void stop();
  [[nodiscard]] bool stopped() const { return stopped_; }
  /// Turns character data on or off (off skips expat's callback for whitespace and markup).
  void want_text(bool on);
  /// The position of the current event, 1-based, for messages.
  [[nodiscard]] std::uint64_t line() const;
  [[nodiscard]] std::uint64_t column() const;

 private:
  friend class XmlStream;
  XML_Parser parser_ = nullptr;
  bool stopped_ = false;
};

/// The value of the unprefixed attribute `name`, or null.
const char* find_attr(const char** attrs, std::string_view name);
/// The value of a prefixed attribute with local name `local` (such as `r:id`), or null.
const char* find_prefixed_attr(const char** attrs, std::string_view local);

/// How a parse ended: too_many_elements and out_of_memory are the parser's budget.
enum class XmlStatus : std::uint8_t {
  ok,
  syntax,
  doctype,
  stopped,
  too_many_elements,
  out_of_memory
};

/// One expat parser, reset and reused for each part it parses.
class XmlStream {
 public:
  XmlStream();
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  /// Prepares a new document for `handler`, which may hold at most `max_elements` elements
  /// while expat allocates at most `max_memory` bytes; false when expat is out of memory.
  bool begin(XmlHandler& handler, std::uint64_t max_elements, std::uint64_t max_memory);
  /// The elements the document has shown so far.
  [[nodiscard]] std::uint64_t elements() const { return elements_; }
  /// A buffer of `size` bytes to fill before `parse`; null when out of memory.
  void* buffer(int size);
  /// Parses `len` bytes of the buffer; `last` ends the document.
  XmlStatus parse(int len, bool last);
  /// Rethrows an exception a handler threw inside a callback.
  void rethrow_pending();

  /// Where and why the parse failed (syntax or doctype).
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] std::uint64_t error_line() const { return line_; }
  [[nodiscard]] std::uint64_t error_column() const { return column_; }

 private:
  friend class XmlHandler;
  static void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs);
  static void XMLCALL on_end(void* data, const XML_Char* name);
  static void XMLCALL on_text(void* data, const XML_Char* text, int len);
  static void XMLCALL on_doctype(void* data, const XML_Char* name, const XML_Char* sysid,
                                 const XML_Char* pubid, int has_internal_subset);
  static int XMLCALL on_external_entity(XML_Parser parser, const XML_Char* context,
                                        const XML_Char* base, const XML_Char* sysid,
                                        const XML_Char* pubid);

  XML_Parser parser_ = nullptr;
  unsigned long salt_ = 0;
  XmlHandler* handler_ = nullptr;
  std::uint64_t elements_ = 0;
  std::uint64_t max_elements_ = 0;
  bool too_many_ = false;
  bool doctype_ = false;
  std::exception_ptr pending_;
  std::string error_;
  std::uint64_t line_ = 0;
  std::uint64_t column_ = 0;
};

/// Lends the calling thread's parser to one reading at a time, so that reading many small
/// workbooks does not build a parser and its buffer for each. A reading started while the
/// parser is lent (a visitor reading another workbook) gets a parser of its own.
class XmlLease {
 public:
  XmlLease();
  ~XmlLease();
  XmlLease(const XmlLease&) = delete;
  XmlLease& operator=(const XmlLease&) = delete;
  XmlStream& get() { return *held_; }

 private:
  std::unique_ptr<XmlStream> held_;
};

}  // namespace ntr::xlsx
