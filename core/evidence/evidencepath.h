#pragma once

// The rules for an attachment's recorded path and hash (model.h: Attachment), shared by the
// file reader, the evidence store and the verifier.
//
// A path is where the evidence copy lives relative to the project file's folder, written with
// '/' separators. A project file is untrusted: a path that is absolute, climbs out of the
// folder ("..") or names a drive would make `verify` hash, and the app open, a file anywhere
// on the disk, so such a path is a problem of the file, never followed.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimline {

using Sha256 = std::array<std::uint8_t, 32>;

// What is wrong with `path` as an attachment's path ("must be relative to the project's
// folder"), or an empty string when it is fine.
std::string evidencePathProblem(std::string_view path);

// 64 lower-case hex digits.
std::string sha256Hex(const Sha256 &hash);
// 64 hex digits (either case), or nullopt.
std::optional<Sha256> parseSha256Hex(std::string_view text);

} // namespace claimline
