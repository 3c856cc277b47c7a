#pragma once

// The rules for an attachment's recorded path and hash (model.h: Attachment), shared by the
// file reader, the evidence store and the verifier.
//
// A path is where the evidence copy lives relative to the project file's folder, and only the
// form the evidence folder writes is accepted: "evidence/<sha256 in lower-case hex>[.ext]". A
// project file is untrusted: any other path (absolute, "..", another folder, a device name,
// hidden characters) could make `verify` hash, Save As copy, or the app open a file Claimline
// did not put there, so it is a problem of the file, never followed. The store also refuses
// to follow a link (EvidenceStore::existingFile()).

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
