#include "viewmodels/CameraPreview.h"

#include "viewmodels/MediaPreferences.h"
#include "viewmodels/VideoView.h"

namespace spoke::ui {

CameraPreview::CameraPreview(std::shared_ptr<const media::DeviceRegistry> registry, std::string cameraId,
                             VideoView* view, MessageFn onMessage)
    : engine_(std::move(registry),
              {.cameraId = std::move(cameraId), .format = kFormat, .fallbackId = MediaPreferences::kTestPatternId},
              view ? view->sink() : nullptr, [onMessage = std::move(onMessage)](const media::PreviewStatus& status) {
                  if (onMessage)
                      onMessage(describe(status), QString::fromStdString(status.showing));
              })
{
}

QString CameraPreview::describe(const media::PreviewStatus& status)
{
    const QString detail = QString::fromStdString(status.problemDetail);
    QString why;
    switch (status.problem) {
    case media::PreviewProblem::None: return {};
    case media::PreviewProblem::NoCameraChosen: why = tr("No camera was found."); break;
    case media::PreviewProblem::OpenFailed: why = tr("The camera could not be opened: %1.").arg(detail); break;
    case media::PreviewProblem::CameraStopped: why = tr("The camera stopped: %1.").arg(detail); break;
    }
    if (!status.fallbackError.empty())
        return why + QLatin1Char(' ')
               + tr("The test pattern could not start either: %1").arg(QString::fromStdString(status.fallbackError));
    return why + QLatin1Char(' ') + tr("Showing the test pattern instead.");
}

} // namespace spoke::ui
