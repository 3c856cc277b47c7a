// Claimline: lay out a contested sequence of conflict events on a timeline and compare the
// competing narratives about it.

#include "commandline.h"
#include "session/logging.h"
#include "theme/thememanager.h"
#include "window/mainwindow.h"
#include "window/projectsession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>

#include <spdlog/spdlog.h>

#include <cstring>
#include <memory>

namespace {

// The first argument that is not an option: a sub-command or the file to open.
QString firstPositional(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (argv[i][0] != '-')
            return QString::fromLocal8Bit(argv[i]);
    }
    return {};
}

bool hasFlag(int argc, char **argv, std::initializer_list<const char *> flags)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : flags) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Claimline"));
    QCoreApplication::setApplicationName(QStringLiteral("claimline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLAIMLINE_VERSION));
}

QCommandLineParser *guiParser()
{
    static QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lay out a contested sequence of conflict events on a timeline and compare the "
        "competing narratives about it.\n\n"
        "Commands (each has --help):\n"
        "  validate FILE...                      print every problem in project files\n"
        "  normalize FILE [-o OUT]               rewrite a project in canonical form\n"
        "  generate --events N [--seed S] --out FILE   write a synthetic project\n"
        "  generate --acled N [--seed S] --out FILE.csv   write a synthetic ACLED file\n"
        "  import FILE... [--format auto|acled|ucdp] [--party-map FILE] [--remove-missing]\n"
        "         --into PROJECT                 add or update events from ACLED or UCDP GED\n"
        "  export [--view timeline] --out FILE.png [--from DATE --to DATE] [--size WxH] FILE\n"
        "  export --view narratives --out FILE.png|.svg|.html [--a PARTY[,PARTY] --b "
        "PARTY[,PARTY]] FILE\n"
        "  export --view positions --out FILE.png|.svg|.pdf|.html|.csv FILE\n"
        "                                        render a view to an image, no display needed"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("Log debug detail to stderr.")});
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Project to open (default: the last one, or the "
                                                "sample)."),
                                 QStringLiteral("[FILE]"));
    return &parser;
}

} // namespace

int main(int argc, char **argv)
{
    const bool verbose = hasFlag(argc, argv, {"--verbose"});
    const QString command = firstPositional(argc, argv);

    // Sub-commands, --help and --version never need a display: decide before creating the
    // application object, since QApplication fails without one.
    if (claimline::isSubcommand(command)
        || hasFlag(argc, argv, {"--help", "-h", "--version", "-v", "-help", "-?"})) {
        // Exports paint with fonts but need no display: an application on the offscreen
        // platform unless the caller chose one. A QApplication, not a QGuiApplication: charts
        // are QGraphicsWidgets, which need the widgets' style.
        std::unique_ptr<QCoreApplication> application;
        if (claimline::needsGui(command)) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            application = std::make_unique<QApplication>(argc, argv);
        } else {
            application = std::make_unique<QCoreApplication>(argc, argv);
        }
        QCoreApplication &app = *application;
        setIdentity();
        claimline::initLogging(verbose);
        if (claimline::isSubcommand(command))
            return claimline::runSubcommand(QCoreApplication::arguments());
        guiParser()->process(app); // prints help or version and exits
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Claimline"));
    // resources/claimline.qrc, compiled into this executable.
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/claimline/claimline.svg")));
    claimline::initLogging(verbose);
    QCommandLineParser *parser = guiParser();
    parser->process(app);

    spdlog::info("Claimline {} starting", CLAIMLINE_VERSION);
    // View ▸ Theme as the user left it, before any widget is made: nothing flashes light.
    claimline::ThemeManager::applySaved();
    claimline::MainWindow window;
    window.show();

    QString path = parser->positionalArguments().value(0);
    if (path.isEmpty())
        path = QSettings().value(QStringLiteral("lastFile")).toString();
    if (path.isEmpty() || !QFileInfo::exists(path))
        path = claimline::ProjectSession::samplePath();
    // A crash left unsaved changes behind: offer them first; a restored copy is the project.
    if (window.offerRecovery())
        return app.exec();
    // On success the window records the file as the last one and the first recent one.
    window.openFile(path);
    return app.exec();
}
