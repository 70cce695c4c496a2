// Catch2 entry point shared by every test executable. A QCoreApplication
// exists for the whole run because core classes use Qt's event loop,
// resources and standard paths.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("spoke-tests"));
    return Catch::Session().run(argc, argv);
}
