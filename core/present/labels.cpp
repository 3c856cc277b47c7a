#include "present/labels.h"

#include "model/project.h"
#include "text/visibletext.h"

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

namespace {

// True when the statement names the speaker: any word of the name of three letters or more
// ("Lavrov" of "Sergei Lavrov") appears in it as a whole word, ignoring case. No regular
// expression: a frame labels thousands of claims.
bool namesSpeaker(const QString &statement, const QString &speaker)
{
    const auto isWordChar = [](QChar c) {
        return c.isLetterOrNumber();
    };
    qsizetype i = 0;
    while (i < speaker.size()) {
        while (i < speaker.size() && !isWordChar(speaker[i]))
            ++i;
        qsizetype end = i;
        while (end < speaker.size() && isWordChar(speaker[end]))
            ++end;
        if (end - i >= 3) {
            const QStringView word = QStringView(speaker).mid(i, end - i);
            for (qsizetype at = statement.indexOf(word, 0, Qt::CaseInsensitive); at >= 0;
                 at = statement.indexOf(word, at + 1, Qt::CaseInsensitive)) {
                const qsizetype after = at + word.size();
                if ((at == 0 || !isWordChar(statement[at - 1]))
                    && (after >= statement.size() || !isWordChar(statement[after])))
                    return true;
            }
        }
        i = end;
    }
    return false;
}

} // namespace

QString claimLabel(const Project &project, std::uint32_t claim)
{
    if (claim >= project.claims().size())
        return {};
    const Claim &c = project.claims()[claim];
    const QString statement = visibleText(project.text(c.statement));
    if (!c.claimant.isValid() || c.claimant.isParty)
        return statement;
    if (c.claimant.index >= project.actors().size())
        return statement;
    const QString speaker = visibleText(project.text(project.actors()[c.claimant.index].name));
    if (speaker.isEmpty() || namesSpeaker(statement, speaker))
        return statement;
    return speaker + QStringLiteral(": ") + statement;
}

} // namespace claimline
