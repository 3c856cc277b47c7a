#pragma once

// StartPage: what the centre of the window shows when no project is open, instead of an empty
// timeline at an arbitrary month: open the sample, open a file, one of the recent files, start
// a new project, or import a dataset (ACLED, UCDP GED) into a new one. The page only asks; the
// window does the opening.

#include <QStringList>
#include <QWidget>

class QCommandLinkButton;
class QLabel;
class QVBoxLayout;

namespace claimline {

class StartPage final : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(QWidget *parent = nullptr);

    // The shipped sample; its button is hidden when there is none (an incomplete install).
    void setSamplePath(const QString &path);
    QString samplePath() const { return m_samplePath; }
    // The recent files, most recent first (missing ones are left out by the caller).
    void setRecentFiles(const QStringList &paths);
    QStringList recentFiles() const { return m_recentFiles; }

Q_SIGNALS:
    void openFileRequested(const QString &path); // the sample or a recent file
    void openRequested(); // choose a file
    void newProjectRequested();
    void importRequested(); // choose dataset files to import

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateFonts();

    QLabel *m_title = nullptr;
    QCommandLinkButton *m_sample = nullptr;
    QLabel *m_noRecent = nullptr;
    QVBoxLayout *m_recentLayout = nullptr;
    QList<QCommandLinkButton *> m_recentButtons;
    QString m_samplePath;
    QStringList m_recentFiles;
};

} // namespace claimline
