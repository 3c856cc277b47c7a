#include "evidence/evidencepath.h"

#include "text/hexdigit.h"

#include <algorithm>

namespace claimline {

std::string evidencePathProblem(std::string_view path)
{
    // Only the form the evidence folder itself writes (evidencestore.h): "evidence/", the
    // SHA-256 in lower-case hex, and an extension of at most 16 lower-case letters and digits.
    // Anything else (another folder, "..", an absolute or Windows path, a device name, hidden
    // or look-alike characters) could make a project file point Claimline at a file it did
    // not put there.
    static constexpr std::string_view Folder = "evidence/";
    if (path.empty())
        return "an attachment's path cannot be empty";
    if (path.front() == '/' || path.find("..") != std::string_view::npos)
        return "an attachment's path cannot leave the project's folder (an absolute path or "
               "\"..\")";
    const auto isHex = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    };
    const auto isWord = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
    };
    bool ok = path.substr(0, Folder.size()) == Folder && path.size() >= Folder.size() + 64;
    if (ok) {
        const std::string_view name = path.substr(Folder.size());
        ok = std::all_of(name.begin(), name.begin() + 64, isHex);
        const std::string_view suffix = name.substr(64);
        if (ok && !suffix.empty())
            ok = suffix.size() >= 2 && suffix.size() <= 17 && suffix.front() == '.'
                && std::all_of(suffix.begin() + 1, suffix.end(), isWord);
    }
    if (!ok)
        return "an attachment's path must be one the evidence folder gives: \"evidence/\", "
               "the file's SHA-256 in lower-case hex, and an optional extension";
    return {};
}

std::string sha256Hex(const Sha256 &hash)
{
    static constexpr char Digits[] = "0123456789abcdef";
    std::string text;
    text.reserve(64);
    for (const std::uint8_t byte : hash) {
        text.push_back(Digits[byte >> 4]);
        text.push_back(Digits[byte & 0xf]);
    }
    return text;
}

std::optional<Sha256> parseSha256Hex(std::string_view text)
{
    if (text.size() != 64)
        return std::nullopt;
    Sha256 hash {};
    for (std::size_t i = 0; i < hash.size(); ++i) {
        const int high = hexDigit(text[2 * i]);
        const int low = hexDigit(text[2 * i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        hash[i] = static_cast<std::uint8_t>(high << 4 | low);
    }
    return hash;
}

} // namespace claimline
