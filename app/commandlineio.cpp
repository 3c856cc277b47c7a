#include "commandlineio.h"

namespace claimline::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    parser.addOption({QStringLiteral("verbose"), QStringLiteral("Log debug detail to stderr.")});
}

bool parseOrExit(QCommandLineParser &parser, const QStringList &arguments, int *exitCode)
{
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << "\n" << Qt::flush;
        *exitCode = 2;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << Qt::flush;
        *exitCode = 0;
        return false;
    }
    return true;
}

} // namespace claimline::cli
