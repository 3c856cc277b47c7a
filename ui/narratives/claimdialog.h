#pragma once

// ClaimDialog: the drill-down of one claim, opened by double-clicking it in the narratives
// view: its sources with their excerpts, its relations either way (kind, other claimant,
// statement, lag) and the event it is about. Plain text only, in a read-only QPlainTextEdit
// that never interprets markup.

#include <QDialog>
#include <QTimeZone>

#include <cstdint>

class QPlainTextEdit;

namespace claimline {

class Project;

class ClaimDialog final : public QDialog
{
    Q_OBJECT

public:
    ClaimDialog(const Project &project, std::uint32_t claim, const QTimeZone &zone,
                QWidget *parent = nullptr);
    ~ClaimDialog() override;

    std::uint32_t claim() const { return m_claim; }
    QString text() const;

private:
    std::uint32_t m_claim;
    QPlainTextEdit *m_text = nullptr;
};

} // namespace claimline
