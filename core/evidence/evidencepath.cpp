#include "evidence/evidencepath.h"

namespace claimline {

std::string evidencePathProblem(std::string_view path)
{
    if (path.empty())
        return "an attachment's path cannot be empty";
    if (path.size() > 4096)
        return "an attachment's path is longer than 4096 bytes";
    if (path.front() == '/')
        return "must be a path relative to the project's folder, not an absolute one";
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return "an attachment's path cannot hold control characters";
        if (c == '\\' || c == ':')
            return "an attachment's path uses '/' between folders and holds no '\\' or ':'";
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == ".")
            return "an attachment's path has an empty or \".\" folder name";
        if (part == "..")
            return "an attachment's path cannot leave the project's folder (\"..\")";
        start = end + 1;
    }
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
    const auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    Sha256 hash {};
    for (std::size_t i = 0; i < hash.size(); ++i) {
        const int high = nibble(text[2 * i]);
        const int low = nibble(text[2 * i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        hash[i] = static_cast<std::uint8_t>(high << 4 | low);
    }
    return hash;
}

} // namespace claimline
