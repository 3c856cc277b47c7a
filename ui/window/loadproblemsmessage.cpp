#include "window/loadproblemsmessage.h"

#include "session/safewrite.h"
#include "text/visibletext.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStringList>

namespace claimline {

namespace {

// Whether a backup copy could help: it cannot when the file is from a newer version (the
// backup is too, or older than what the user wants) or when the reader itself failed.
bool backupHelps(LoadFailure failure)
{
    return failure != LoadFailure::NewerVersion && failure != LoadFailure::Internal
        && failure != LoadFailure::None;
}

QString sentence(const std::string &message)
{
    QString text = visibleText(QString::fromStdString(message));
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

QString when(const QDateTime &time)
{
    // "Saturday, 5 December 2026 at 21:16": the locale's words, to the minute.
    const QLocale locale;
    const QDateTime local = time.toLocalTime();
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QStringLiteral(":ss"));
    return LoadProblemsMessage::tr("%1 at %2")
        .arg(locale.toString(local.date(), QLocale::LongFormat),
             locale.toString(local.time(), timeFormat));
}

} // namespace

LoadProblemsMessage::LoadProblemsMessage(const QString &path, const Problems &problems,
                                         QWidget *parent)
    : QMessageBox(parent)
    , m_failure(classifyLoadFailure(problems, path))
{
    setObjectName(QStringLiteral("problemsDialog"));
    const QString name = visibleText(QFileInfo(path).fileName());
    setIcon(m_failure == LoadFailure::NewerVersion ? QMessageBox::Information
                                                   : QMessageBox::Warning);
    setWindowTitle(tr("Cannot Open Project"));
    setTextFormat(Qt::PlainText);
    setText(lead(m_failure, name, problems.size()));
    // The lead stands out from the explanation under it, as a heading would. The label is
    // QMessageBox's own; without it the text is simply not bold.
    if (auto *label = findChild<QLabel *>(QStringLiteral("qt_msgbox_label"))) {
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
    }

    QStringList informative {explanation(m_failure, problems)};
    const QString backup = backupPathFor(path);
    const QFileInfo backupInfo(backup);
    if (backupHelps(m_failure) && backupInfo.isFile()) {
        m_backupPath = backup;
        informative << tr("Claimline keeps the previous version of every file it saves. A "
                          "backup copy of this one, saved %1, is next to it (“%2”): opening "
                          "it changes neither file.")
                           .arg(when(backupInfo.lastModified()),
                                visibleText(backupInfo.fileName()));
    } else if (m_failure == LoadFailure::Truncated || m_failure == LoadFailure::Empty) {
        informative << tr("If you have another copy (the one it was copied from, the download, "
                          "a backup), open that one.");
    }
    informative << tr("Nothing was changed: the file is as it was, and what was open stays "
                      "open.");
    setInformativeText(informative.join(QStringLiteral("\n\n")));

    // The reader's lines as `claimline validate` prints them, for whoever fixes the file.
    QStringList lines;
    lines.reserve(qsizetype(problems.size()));
    for (const Problem &problem : problems)
        lines << visibleText(problem.toString());
    setDetailedText(lines.join(QLatin1Char('\n')));

    if (!m_backupPath.isEmpty()) {
        m_backupButton = addButton(tr("Open the Backup Copy"), QMessageBox::AcceptRole);
        m_backupButton->setObjectName(QStringLiteral("openBackupButton"));
        m_backupButton->setToolTip(visibleText(backup));
    }
    QPushButton *close = addButton(QMessageBox::Close);
    setDefaultButton(m_backupButton ? m_backupButton : close);
    setEscapeButton(QMessageBox::Close);
}

QString LoadProblemsMessage::lead(LoadFailure failure, const QString &name, std::size_t problems)
{
    switch (failure) {
    case LoadFailure::Truncated:
        return tr("“%1” ends in the middle: it may have been cut off while copying.").arg(name);
    case LoadFailure::Empty:
        return tr("“%1” is empty: it may not have been copied or saved completely.").arg(name);
    case LoadFailure::NotJson:
        return tr("“%1” is damaged: part of it is not written the way Claimline writes its "
                  "files.")
            .arg(name);
    case LoadFailure::NotProject:
        return tr("“%1” is not a Claimline project.").arg(name);
    case LoadFailure::NewerVersion:
        return tr("“%1” was saved by a newer version of Claimline.").arg(name);
    case LoadFailure::InvalidValues:
        return problems == 1
            ? tr("“%1” is a Claimline project, but one thing in it is wrong.").arg(name)
            : tr("“%1” is a Claimline project, but %2 things in it are wrong.")
                  .arg(name, QString::number(problems));
    case LoadFailure::TooLarge:
        return tr("“%1” is too large to open.").arg(name);
    case LoadFailure::Unreadable:
        return tr("“%1” could not be read.").arg(name);
    case LoadFailure::Internal:
    case LoadFailure::None:
        break;
    }
    return tr("Claimline could not read “%1” because of an error in Claimline itself.").arg(name);
}

QString LoadProblemsMessage::explanation(LoadFailure failure, const Problems &problems)
{
    switch (failure) {
    case LoadFailure::Truncated:
        return tr("The end of the file is missing, so it cannot be opened. A copy or download "
                  "that stopped early leaves a file like this, and so does a disk that was "
                  "full while the file was written.");
    case LoadFailure::Empty:
        return tr("The file has no content at all.");
    case LoadFailure::NotJson:
        return tr("Another program, an edit by hand or a disk error may have changed it. The "
                  "details say on which line the damage begins.");
    case LoadFailure::NotProject:
        return tr("It holds data of another kind. Claimline opens its own project files "
                  "(.claimline).");
    case LoadFailure::NewerVersion:
        return tr("Update Claimline to open it: this version cannot read what the newer one "
                  "wrote without losing some of it.");
    case LoadFailure::InvalidValues:
        return tr("It may have been edited by hand or by another program. The details list "
                  "each problem with where it is: /events/3/when, for example, is the date of "
                  "the fourth event.");
    case LoadFailure::TooLarge:
        return tr("It asks for more than Claimline reads safely; the details say which limit "
                  "it passes.");
    case LoadFailure::Unreadable:
        return problems.empty() ? QString() : sentence(problems.front().message);
    case LoadFailure::Internal:
    case LoadFailure::None:
        break;
    }
    return tr("This is a bug in Claimline, not a problem with your file: please report it "
              "with the details.");
}

} // namespace claimline
