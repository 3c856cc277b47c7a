#pragma once

// Ids for the items an import creates, by the rules the Document uses for items people add
// (Document::uniqueId): readable lower-case words from a name, made unique in the project's
// one id namespace by a "-2", "-3" suffix.

#include <string>
#include <string_view>

namespace claimline {

class Project;

// model/idslug.h's slug of UTF-8 text.
std::string idSlug(std::string_view name);

// `base` when no item of the project has it as id, else the first free "base-N" (N from 2).
// An empty `base` gives "<fallback>-1", "<fallback>-2", ...
std::string uniqueId(const Project &project, std::string_view base, std::string_view fallback);

} // namespace claimline
