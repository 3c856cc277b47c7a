#pragma once

// SpeakerCombo: a choice of who said or relayed something, for the claim's form: the
// project's actors, and its parties when they may speak too ("Russia (party)"), after a
// "none" row when the choice is optional (who relayed a claim, who spoke a quote).
//
// Actors and parties are few (tens to hundreds): a combo of all of them, refilled only when a
// name changed, so that an open popup is not disturbed by an edit elsewhere.

#include "model/model.h"

#include <QComboBox>
#include <QStringList>

#include <optional>
#include <vector>

namespace claimline {

class Project;

class SpeakerCombo final : public QComboBox
{
    Q_OBJECT

public:
    enum class Who { ActorsAndParties, Actors };

    // `none`: the text of the first row, which stands for no one; empty for no such row.
    SpeakerCombo(Who who, const QString &none, QWidget *parent = nullptr);

    // Lists the project's speakers (again only if a name changed) and shows `current`: the
    // none row for an invalid speaker, or no row when there is none.
    void fill(const Project &project, Speaker current);
    // The speaker of a row: invalid for the none row, nullopt for no row.
    std::optional<Speaker> speakerAt(int row) const;

private:
    Who m_who;
    QString m_none;
    std::vector<Speaker> m_speakers; // the rows, the none row's an invalid speaker
    QStringList m_names; // what the rows show
};

} // namespace claimline
