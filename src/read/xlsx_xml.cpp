#include "xlsx_xml.hpp"

#include <cstring>
#include <random>
#include <utility>

namespace ntr::xlsx {

namespace {

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
XmlStream::XmlStream() : parser_(XML_ParserCreate(nullptr)) {
  std::random_device rd;
  salt_ = (static_cast<unsigned long>(rd()) << 31) ^ rd();
}

XmlStream::~XmlStream() {
  if (parser_ != nullptr) XML_ParserFree(parser_);
}

bool XmlStream::begin(XmlHandler& handler) {
  if (parser_ == nullptr || XML_ParserReset(parser_, nullptr) == XML_FALSE) return false;
  handler_ = &handler;
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
  if (handler_->stopped() || pending_) return XmlStatus::stopped;
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
  if (self->handler_->stopped() || self->pending_) return;
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
  self->error_ = "DOCTYPE is not allowed in a workbook part";
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
