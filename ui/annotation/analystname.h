#pragma once

// AnalystName: who the analyst is, the author of the annotations they write. Kept in QSettings
// (`analyst/name`), asked once with a small dialog the first time they annotate, changeable
// from Tools ▸ Analyst Name…. An annotation never has an empty author: a name that is blank
// once simplified counts as none, and the user is asked again.

#include <QDialog>
#include <QString>

#include <functional>

class QLineEdit;
class QPushButton;

namespace claimline {

class AnalystNameDialog final : public QDialog
{
    Q_OBJECT

public:
    // `why` says why the name is asked (first annotation, or the Tools menu).
    AnalystNameDialog(const QString &current, const QString &why, QWidget *parent = nullptr);

    // The name typed, simplified (runs of white space one space, ends trimmed).
    QString name() const;
    QLineEdit *nameEdit() const { return m_edit; }

    // The name kept in the settings (simplified; empty when none was given).
    static QString saved();
    static void save(const QString &name);
    static QString settingsKey();

    // Asks for a name, offering `current`; returns the name typed, or an empty string when the
    // user cancels. The default shows this dialog; tests replace it.
    using Ask = std::function<QString(QWidget *parent, const QString &current, const QString &why)>;
    static QString ask(QWidget *parent, const QString &current, const QString &why);

    // The saved name, or asks for one (with `ask`) and saves it; empty when the user gave none.
    static QString savedOrAsk(const Ask &ask, QWidget *parent);

private:
    QLineEdit *m_edit = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace claimline
