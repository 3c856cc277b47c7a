#pragma once

// What the Inspector's forms share (inspectorform.h and the form of each kind): the order of
// the choices in their combos, and the spellings of those choices.

#include "model/model.h"

#include <QCoreApplication>
#include <QString>

#include <array>
#include <string_view>

namespace claimline::inspector {

inline constexpr std::array<Status, 5> Statuses {
    Status::Unverified, Status::Disputed, Status::Corroborated, Status::Refuted, Status::Retracted};
inline constexpr std::array<Stance, 5> Stances {Stance::None, Stance::Affirms, Stance::Denies,
                                                Stance::Disputes, Stance::Qualifies};
inline constexpr std::array<PartyKind, 7> PartyKinds {
    PartyKind::Other,  PartyKind::State,      PartyKind::Bloc,  PartyKind::Organisation,
    PartyKind::Outlet, PartyKind::ArmedGroup, PartyKind::Person};
// Admiralty grades; combo row 0 is "not set".
inline constexpr std::array<char, 6> Reliabilities {'A', 'B', 'C', 'D', 'E', 'F'};
inline constexpr int MaxCredibility = 6;

inline QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

inline QString utf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// "armed-group" reads as "armed group".
inline QString partyKindLabel(PartyKind kind)
{
    QString name = latin1(nameOf(kind));
    name.replace(QLatin1Char('-'), QLatin1Char(' '));
    return name;
}

inline QString reliabilityLabel(char grade)
{
    switch (grade) {
    case 'A':
        return QCoreApplication::translate("InspectorView", "A — completely reliable");
    case 'B':
        return QCoreApplication::translate("InspectorView", "B — usually reliable");
    case 'C':
        return QCoreApplication::translate("InspectorView", "C — fairly reliable");
    case 'D':
        return QCoreApplication::translate("InspectorView", "D — not usually reliable");
    case 'E':
        return QCoreApplication::translate("InspectorView", "E — unreliable");
    case 'F':
        return QCoreApplication::translate("InspectorView", "F — cannot be judged");
    default:
        return QCoreApplication::translate("InspectorView", "not set");
    }
}

inline QString credibilityLabel(int grade)
{
    switch (grade) {
    case 1:
        return QCoreApplication::translate("InspectorView", "1 — confirmed by other sources");
    case 2:
        return QCoreApplication::translate("InspectorView", "2 — probably true");
    case 3:
        return QCoreApplication::translate("InspectorView", "3 — possibly true");
    case 4:
        return QCoreApplication::translate("InspectorView", "4 — doubtful");
    case 5:
        return QCoreApplication::translate("InspectorView", "5 — improbable");
    case 6:
        return QCoreApplication::translate("InspectorView", "6 — cannot be judged");
    default:
        return QCoreApplication::translate("InspectorView", "not set");
    }
}

} // namespace claimline::inspector
