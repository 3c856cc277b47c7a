#pragma once

// EventPicker: chooses one event (or none) by typing part of its title, for the claim's
// "about" field.
//
// Why not a combo box: a project may hold a million events, and a combo holds a row (and
// measures a string) per entry. The picker holds only the matches of what was typed: the
// project's SearchIndex finds them (fast at a million events), at most MaxMatches are
// offered in a completer popup, those whose title contains the text first. Picking one
// (Return or a click in the popup) announces it; emptying the field announces "none"; text
// that was not picked is put back to the current event's title when the field is left.

#include "model/model.h"

#include <QLineEdit>

#include <vector>

class QCompleter;
class QStandardItemModel;

namespace claimline {

class Document;

class EventPicker final : public QLineEdit
{
    Q_OBJECT

public:
    static constexpr int MaxMatches = 30;

    explicit EventPicker(const Document *document, QWidget *parent = nullptr);
    ~EventPicker() override;

    std::uint32_t eventIndex() const { return m_event; }
    // Shows the event's title (empty for NoIndex); not announced.
    void setEvent(std::uint32_t event);

    // The completer with the current matches (tests pick from it).
    QCompleter *matchCompleter() const { return m_completer; }
    // The events offered for the text typed, in the order shown.
    const std::vector<std::uint32_t> &matches() const { return m_matches; }

Q_SIGNALS:
    // The user picked an event, or NoIndex for none.
    void eventPicked(std::uint32_t event);

private:
    void updateMatches(const QString &text);
    void finish();
    QString titleOf(std::uint32_t event) const;

    const Document *m_document = nullptr;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_model = nullptr;
    std::vector<std::uint32_t> m_matches;
    std::uint32_t m_event = NoIndex;
};

} // namespace claimline
