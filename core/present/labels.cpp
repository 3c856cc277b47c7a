#include "present/labels.h"

#include <QCoreApplication>

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
    switch (grade) {
    case 'A':
        return QCoreApplication::translate("claimline::Labels", "completely reliable");
    case 'B':
        return QCoreApplication::translate("claimline::Labels", "usually reliable");
    case 'C':
        return QCoreApplication::translate("claimline::Labels", "fairly reliable");
    case 'D':
        return QCoreApplication::translate("claimline::Labels", "not usually reliable");
    case 'E':
        return QCoreApplication::translate("claimline::Labels", "unreliable");
    case 'F':
        return QCoreApplication::translate("claimline::Labels", "reliability cannot be judged");
    default:
        return {};
    }
}

} // namespace claimline
