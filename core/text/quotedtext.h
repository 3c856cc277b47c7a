#pragma once

// Quoting text from a file in a message: in double quotes, with quotes, backslashes, control
// characters and invalid UTF-8 escaped, and cut after 60 characters. Messages are printed
// to terminals (`claimline validate`) and shown in dialogs: a line of binary junk, an escape
// sequence or a megabyte pasted by mistake must not turn into an unreadable, huge or active
// message. Valid UTF-8 (an en dash, Cyrillic) is kept so the user recognises the text.

#include <string>
#include <string_view>

namespace claimline {

std::string quoted(std::string_view text);

} // namespace claimline
