#include "present/labels.h"

#include <QCoreApplication>

#include <array>

namespace claimline {

QString fileWord(std::string_view word)
{
    return QString::fromLatin1(word.data(), qsizetype(word.size()));
}

QString statusLabel(Status status)
{
    return fileWord(nameOf(status));
}

QString stanceLabel(Stance stance)
{
    return stance == Stance::None ? QCoreApplication::translate("claimline::Labels", "no position")
                                  : fileWord(nameOf(stance));
}

QString reliabilityMeaning(char grade)
{
    // The Admiralty scale, A to F.
    static constexpr std::array<const char *, 6> Meanings {
        QT_TRANSLATE_NOOP("claimline::Labels", "completely reliable"),
        QT_TRANSLATE_NOOP("claimline::Labels", "usually reliable"),
        QT_TRANSLATE_NOOP("claimline::Labels", "fairly reliable"),
        QT_TRANSLATE_NOOP("claimline::Labels", "not usually reliable"),
        QT_TRANSLATE_NOOP("claimline::Labels", "unreliable"),
        QT_TRANSLATE_NOOP("claimline::Labels", "reliability cannot be judged")};
    if (grade < 'A' || grade > 'F')
        return {};
    return QCoreApplication::translate("claimline::Labels", Meanings[std::size_t(grade - 'A')]);
}

} // namespace claimline
