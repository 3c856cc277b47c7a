#pragma once

// Quoting text from a file.
//
// In a message (quoted()): in double quotes: in double quotes, with quotes, backslashes, control
// characters and invalid UTF-8 escaped, and cut after 60 characters. Messages are printed
// to terminals (`claimline validate`) and shown in dialogs: a line of binary junk, an escape
// sequence or a megabyte pasted by mistake must not turn into an unreadable, huge or active
// message. Valid UTF-8 (an en dash, Cyrillic) is kept so the user recognises the text.
//
// As a quotation shown to a reader (inQuotes(): a claim's quote, a source's excerpt): in
// typographic double quotes, with the double quotes inside turned into single ones, as English
// nests quotation marks (“Lavrov called it ‘state terrorism’”).

#include <QString>

#include <string>
#include <string_view>

namespace claimline {

std::string quoted(std::string_view text);

// `text` between “ and ”. Each double quote in it, straight (") or curly (“ ”), becomes a single
// one, opening (‘) or closing (’) by what stands before it, not by how it was typed: at the
// start, after a space, a bracket, a dash or an opening quote it opens, anywhere else it
// closes. Single quotes and apostrophes are left as they are.
QString inQuotes(const QString &text);

} // namespace claimline
