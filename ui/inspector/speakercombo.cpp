#include "inspector/speakercombo.h"

#include "model/project.h"
#include "text/visibletext.h"

#include <algorithm>

namespace claimline {

SpeakerCombo::SpeakerCombo(Who who, const QString &none, QWidget *parent)
    : QComboBox(parent)
    , m_who(who)
    , m_none(none)
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
}

void SpeakerCombo::fill(const Project &project, Speaker current)
{
    QStringList names;
    m_speakers.clear();
    if (!m_none.isEmpty()) {
        names << m_none;
        m_speakers.push_back({});
    }
    for (std::uint32_t i = 0; i < project.actors().size(); ++i) {
        names << visibleText(project.text(project.actors()[i].name));
        m_speakers.push_back({i, false});
    }
    if (m_who == Who::ActorsAndParties) {
        for (std::uint32_t i = 0; i < project.parties().size(); ++i) {
            names << tr("%1 (party)").arg(visibleText(project.text(project.parties()[i].name)));
            m_speakers.push_back({i, true});
        }
    }
    if (names != m_names) {
        m_names = names;
        clear();
        addItems(names);
    }
    // No one is the none row (or no row without one); a reference past the lists (an item
    // being removed) shows no row rather than another's.
    const auto row = std::find(m_speakers.begin(), m_speakers.end(), current);
    setCurrentIndex(row == m_speakers.end() ? -1 : int(std::distance(m_speakers.begin(), row)));
}

std::optional<Speaker> SpeakerCombo::speakerAt(int row) const
{
    if (row < 0 || std::size_t(row) >= m_speakers.size())
        return std::nullopt;
    return m_speakers[std::size_t(row)];
}

} // namespace claimline
