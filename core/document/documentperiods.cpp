// Document's editing of background periods (document.h: addPeriod(), editPeriod(),
// removePeriod()), each change one undo step through a PeriodCommand.

#include "document/commands/periodcommand.h"
#include "document/document.h"
#include "model/project.h"

#include <QUndoStack>

#include <spdlog/spdlog.h>

namespace claimline {

namespace {

// ‘Ceasefire talks’, cut to 40 characters: undo texts stay one short line.
QString quotedPeriod(const QString &title)
{
    const QString shown = title.size() > 40 ? title.left(39) + QChar(0x2026) : title;
    return QChar(0x2018) + shown + QChar(0x2019);
}

} // namespace

std::uint32_t Document::addPeriod(const QString &title, const FuzzyTime &when)
{
    const QString line = title.simplified();
    if (line.isEmpty() || when.isNull())
        return NoIndex;
    Period period;
    period.id = m_project.addText(m_project.uniquePeriodId({}, line.toStdString()));
    period.title = m_project.addText(line);
    period.when = when;
    const auto index = std::uint32_t(m_project.periods().size());
    m_undoStack->push(new PeriodCommand(this, index, std::nullopt, period,
                                        tr("Add period %1").arg(quotedPeriod(line))));
    spdlog::info("added a period");
    return index;
}

bool Document::editPeriod(std::uint32_t index, const QString &title, const FuzzyTime &when)
{
    if (index >= m_project.periods().size())
        return false;
    const QString line = title.simplified();
    if (line.isEmpty() || when.isNull())
        return false;
    const Period &before = m_project.periods()[index];
    const QString oldTitle = m_project.text(before.title);
    const bool retitled = oldTitle != line;
    if (!retitled && before.when == when)
        return false;
    Period after = before;
    if (retitled)
        after.title = m_project.addText(line);
    after.when = when;
    const QString text = !retitled ? tr("Change time of period %1").arg(quotedPeriod(line))
        : before.when == when
        ? tr("Rename period %1 to %2").arg(quotedPeriod(oldTitle), quotedPeriod(line))
        : tr("Change period %1").arg(quotedPeriod(line));
    m_undoStack->push(new PeriodCommand(this, index, before, after, text));
    spdlog::info("changed a period");
    return true;
}

bool Document::removePeriod(std::uint32_t index)
{
    if (index >= m_project.periods().size())
        return false;
    const Period before = m_project.periods()[index];
    m_undoStack->push(
        new PeriodCommand(this, index, before, std::nullopt,
                          tr("Remove period %1").arg(quotedPeriod(m_project.text(before.title)))));
    spdlog::info("removed a period");
    return true;
}

} // namespace claimline
