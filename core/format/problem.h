#pragma once

// Problem: one thing wrong with a file, with where it is (a JSON Pointer such as
// "/claims/3/claimant", or "" for the whole file) and a plain-English message.

#include <QString>

#include <string>
#include <vector>

namespace claimline {

struct Problem
{
    std::string pointer;
    std::string message;

    // "/claims/3/claimant: unknown actor or party \"lavorv\"" (or just the message).
    std::string toStdString() const { return pointer.empty() ? message : pointer + ": " + message; }
    QString toString() const { return QString::fromStdString(toStdString()); }
    friend bool operator==(const Problem &, const Problem &) = default;
};

using Problems = std::vector<Problem>;

} // namespace claimline
