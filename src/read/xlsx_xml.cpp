#include "xlsx_xml.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <utility>

#include "ntreport/text/translate.hpp"

namespace ntr::xlsx {

namespace {

// What the parsers of this thread hold, and what they may: expat allocates through these, so
// that a tag of a hundred megabytes or elements nested a million deep fail as out of memory
// instead of growing the process. Parsers are used on the thread that made them.
thread_local std::uint64_t xml_live = 0;
thread_local std::uint64_t xml_cap = UINT64_MAX;
constexpr std::size_t kHeader = alignof(std::max_align_t);

void* counted_malloc(std::size_t size) {
  if (size > xml_cap || xml_live > xml_cap - size) return nullptr;
  auto* p = static_cast<unsigned char*>(std::malloc(size + kHeader));
  if (p == nullptr) return nullptr;
  std::memcpy(p, &size, sizeof size);
  xml_live += size;
  return p + kHeader;
}

void counted_free(void* ptr) {
  if (ptr == nullptr) return;
  auto* p = static_cast<unsigned char*>(ptr) - kHeader;
  std::size_t size = 0;
  std::memcpy(&size, p, sizeof size);
  xml_live -= size;
  std::free(p);
}

void* counted_realloc(void* ptr, std::size_t size) {
  if (ptr == nullptr) return counted_malloc(size);
  auto* p = static_cast<unsigned char*>(ptr) - kHeader;
  std::size_t old = 0;
  std::memcpy(&old, p, sizeof old);
  if (size > old && (size - old > xml_cap || xml_live > xml_cap - (size - old))) return nullptr;
  auto* q = static_cast<unsigned char*>(std::realloc(p, size + kHeader));
  if (q == nullptr) return nullptr;
  std::memcpy(q, &size, sizeof size);
  xml_live = xml_live - old + size;
  return q + kHeader;
}

const XML_Memory_Handling_Suite kCountedMemory{counted_malloc, counted_realloc, counted_free};

std::string_view local_name(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon == nullptr ? std::string_view(name) : std::string_view(colon + 1);
}

}  // namespace

void XmlHandler::on_text(std::string_view /*text*/) {}

void XmlHandler::stop() {
  if (stopped_) return;
  stopped_ = true;
  XML_StopParser(parser_, XML_FALSE);
}

void XmlHandler::want_text(bool on) {
  XML_SetCharacterDataHandler(parser_, on ? XmlStream::on_text : nullptr);
}

std::uint64_t XmlHandler::line() const { return XML_GetCurrentLineNumber(parser_); }

std::uint64_t XmlHandler::column() const { return XML_GetCurrentColumnNumber(parser_) + 1; }

const char* find_attr(const char** attrs, std::string_view name) {
  for (; *attrs != nullptr; attrs += 2) {
    if (name == attrs[0]) return attrs[1];
  }
  return nullptr;
}

const char* find_prefixed_attr(const char** attrs, std::string_view local) {
  for (; *attrs != nullptr; attrs += 2) {
    const char* colon = std::strrchr(attrs[0], ':');
    if (colon != nullptr && std::string_view(colon + 1) == local) return attrs[1];
  }
  return nullptr;
}

// The hash salt keeps crafted names from colliding in expat's tables; drawn once per parser
// rather than once per part, which would cost a system call each time.
XmlStream::XmlStream() : parser_(XML_ParserCreate_MM(nullptr, &kCountedMemory, nullptr)) {
  std::random_device rd;
  salt_ = (static_cast<unsigned long>(rd()) << 31) ^ rd();
}

XmlStream::~XmlStream() {
  if (parser_ != nullptr) XML_ParserFree(parser_);
}

bool XmlStream::begin(XmlHandler& handler, std::uint64_t max_elements, std::uint64_t max_memory) {
  xml_cap = UINT64_MAX;  // resetting never fails for want of the budget of the part before
  if (parser_ == nullptr || XML_ParserReset(parser_, nullptr) == XML_FALSE) return false;
  xml_cap = std::max(max_memory, xml_live);
  handler_ = &handler;
  elements_ = 0;
  max_elements_ = max_elements;
  too_many_ = false;
  handler.parser_ = parser_;
  handler.stopped_ = false;
  doctype_ = false;
  pending_ = nullptr;
  error_.clear();
  line_ = column_ = 0;
  XML_SetHashSalt(parser_, salt_);
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, on_start, on_end);
  XML_SetCharacterDataHandler(parser_, nullptr);
  XML_SetStartDoctypeDeclHandler(parser_, on_doctype);
  XML_SetExternalEntityRefHandler(parser_, on_external_entity);
  XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
  return true;
}

void* XmlStream::buffer(int size) { return XML_GetBuffer(parser_, size); }

XmlStatus XmlStream::parse(int len, bool last) {
  if (XML_ParseBuffer(parser_, len, last ? 1 : 0) == XML_STATUS_OK) return XmlStatus::ok;
  if (doctype_) return XmlStatus::doctype;
  if (too_many_) return XmlStatus::too_many_elements;
  if (handler_->stopped() || pending_) return XmlStatus::stopped;
  line_ = XML_GetCurrentLineNumber(parser_);
  if (XML_GetErrorCode(parser_) == XML_ERROR_NO_MEMORY) return XmlStatus::out_of_memory;
  error_ = XML_ErrorString(XML_GetErrorCode(parser_));
  line_ = XML_GetCurrentLineNumber(parser_);
  column_ = XML_GetCurrentColumnNumber(parser_) + 1;
  return XmlStatus::syntax;
}

void XmlStream::rethrow_pending() {
  if (pending_) std::rethrow_exception(std::exchange(pending_, nullptr));
}

// Expat may still deliver a few events after a stop; they are dropped. Exceptions must not
// unwind through expat's C frames, so they are kept and rethrown after the parse.
void XMLCALL XmlStream::on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto* self = static_cast<XmlStream*>(data);
  if (self->handler_->stopped() || self->pending_ || self->too_many_) return;
  if (++self->elements_ > self->max_elements_) {
    self->too_many_ = true;
    XML_StopParser(self->parser_, XML_FALSE);
    return;
  }
  try {
    self->handler_->on_start(local_name(name), attrs);
  } catch (...) {
    self->pending_ = std::current_exception();
    XML_StopParser(self->parser_, XML_FALSE);
  }
}

void XMLCALL XmlStream::on_end(void* data, const XML_Char* name) {
  auto* self = static_cast<XmlStream*>(data);
  if (self->handler_->stopped() || self->pending_) return;
  try {
    self->handler_->on_end(local_name(name));
  } catch (...) {
    self->pending_ = std::current_exception();
    XML_StopParser(self->parser_, XML_FALSE);
  }
}

void XMLCALL XmlStream::on_text(void* data, const XML_Char* text, int len) {
  auto* self = static_cast<XmlStream*>(data);
  if (self->handler_->stopped() || self->pending_) return;
  try {
    self->handler_->on_text(std::string_view(text, static_cast<std::size_t>(len)));
  } catch (...) {
    self->pending_ = std::current_exception();
    XML_StopParser(self->parser_, XML_FALSE);
  }
}

// Workbook parts never need a DTD; refusing it outright rules out entity expansion attacks
// and external entities, whatever the expat build allows.
void XMLCALL XmlStream::on_doctype(void* data, const XML_Char* /*name*/, const XML_Char* /*sysid*/,
                                   const XML_Char* /*pubid*/, int /*has_internal_subset*/) {
  auto* self = static_cast<XmlStream*>(data);
  if (self->doctype_) return;
  self->doctype_ = true;
  self->error_ = tr("DOCTYPE is not allowed in a workbook part");
  self->line_ = XML_GetCurrentLineNumber(self->parser_);
  self->column_ = 0;
  XML_StopParser(self->parser_, XML_FALSE);
}

int XMLCALL XmlStream::on_external_entity(XML_Parser /*parser*/, const XML_Char* /*context*/,
                                          const XML_Char* /*base*/, const XML_Char* /*sysid*/,
                                          const XML_Char* /*pubid*/) {
  return XML_STATUS_ERROR;
}

namespace {
thread_local std::unique_ptr<XmlStream> spare_stream;
}  // namespace

XmlLease::XmlLease()
    : held_(spare_stream ? std::move(spare_stream) : std::make_unique<XmlStream>()) {}

XmlLease::~XmlLease() {
  if (!spare_stream) spare_stream = std::move(held_);
}

}  // namespace ntr::xlsx
