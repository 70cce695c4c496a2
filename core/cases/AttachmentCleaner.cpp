#include "cases/AttachmentCleaner.h"

#include "cases/CaseError.h"
#include "media/AvHandles.h"
#include "media/LocalInput.h"

#include <QFile>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libswscale/swscale.h>
}

#include <memory>

namespace spoke::cases {

namespace {

using FormatPtr = media::AvInputContextPtr;
using CodecPtr = media::AvCodecContextPtr;
using FramePtr = media::AvFramePtr;
using PacketPtr = media::AvPacketPtr;
using ScalePtr = media::SwsContextPtr;

[[noreturn]] void refuse(const std::filesystem::path& file, const std::string& why)
{
    throw CaseError(CaseErrorKind::AttachmentRefused, file.filename().string() + " was refused: " + why);
}

std::string avError(int code)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buffer, sizeof buffer);
    return buffer;
}

// What the first bytes say the file is; the name is not trusted.
std::string sniff(const QByteArray& head)
{
    if (head.startsWith("\x89PNG\r\n\x1a\n"))
        return "png";
    if (head.startsWith("\xFF\xD8\xFF"))
        return "jpeg";
    if (head.size() >= 132 && head.mid(128, 4) == "DICM")
        return "dicom";
    if (head.startsWith("%PDF"))
        return "pdf";
    if (head.startsWith("OggS") || head.startsWith("ID3") || head.startsWith("RIFF") || head.mid(4, 4) == "ftyp")
        return "audio/video";
    return "unknown";
}

FramePtr decodeOne(const std::filesystem::path& input, AVFormatContext* format, AVCodecContext* decoder, int stream)
{
    PacketPtr packet(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    if (!packet || !frame)
        refuse(input, "out of memory while decoding");
    while (av_read_frame(format, packet.get()) >= 0) {
        if (packet->stream_index == stream) {
            const int sent = avcodec_send_packet(decoder, packet.get());
            av_packet_unref(packet.get());
            if (sent < 0)
                refuse(input, "the image data is damaged (" + avError(sent) + ")");
            if (avcodec_receive_frame(decoder, frame.get()) == 0)
                return frame;
        } else {
            av_packet_unref(packet.get());
        }
    }
    avcodec_send_packet(decoder, nullptr);
    if (avcodec_receive_frame(decoder, frame.get()) == 0)
        return frame;
    refuse(input, "no picture could be decoded from it");
}

} // namespace

AttachmentCleaner::Result AttachmentCleaner::cleanImage(const std::filesystem::path& input,
                                                        const std::filesystem::path& output)
{
    QFile in(QString::fromStdString(input.string()));
    if (!in.open(QIODevice::ReadOnly))
        refuse(input, "it cannot be read (" + in.errorString().toStdString() + ")");
    if (in.size() > kMaxInputBytes)
        refuse(input, "it is larger than " + std::to_string(kMaxInputBytes / 1024 / 1024) + " MiB");
    const std::string type = sniff(in.read(132));
    in.close();
    if (type == "dicom")
        refuse(input, "DICOM headers carry the patient's name, IDs and dates and this build cannot rewrite them; "
                      "export the image as PNG from the viewer and attach that instead");
    if (type == "pdf")
        refuse(input, "PDF files keep authors, dates and hidden text that cannot be cleaned here; attach a "
                      "screenshot (PNG) of the relevant page instead");
    if (type == "audio/video")
        refuse(input, "recordings carry the patient's voice or face (biometric identifiers); attach a "
                      "de-identified transcript instead");
    if (type != "png" && type != "jpeg")
        refuse(input, "only PNG and JPEG photos can be cleaned of metadata");

    // Its own pipe demuxer, named rather than probed, from disk only (media/LocalInput.h).
    media::LocalInputResult opened = media::openLocalInput(input, type == "png" ? media::LocalInputKind::PngPhoto
                                                                                : media::LocalInputKind::JpegPhoto);
    if (!opened.refusal.empty())
        refuse(input, opened.refusal);
    if (!opened.context)
        refuse(input, "it cannot be opened as an image (" + avError(opened.error) + ")");
    FormatPtr format(opened.context.release());
    int rc = 0;
    if ((rc = avformat_find_stream_info(format.get(), nullptr)) < 0)
        refuse(input, "it cannot be read as an image (" + avError(rc) + ")");
    const int stream = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (stream < 0)
        refuse(input, "it holds no picture");
    const AVCodecParameters* params = format->streams[stream]->codecpar;
    const bool isPng = params->codec_id == AV_CODEC_ID_PNG;
    if (!isPng && params->codec_id != AV_CODEC_ID_MJPEG)
        refuse(input, "only PNG and JPEG photos can be cleaned of metadata");
    if (static_cast<std::int64_t>(params->width) * params->height > kMaxPixels || params->width <= 0
        || params->height <= 0)
        refuse(input, "the picture size is not plausible for a photo");

    const AVCodec* decoderCodec = avcodec_find_decoder(params->codec_id);
    CodecPtr decoder(avcodec_alloc_context3(decoderCodec));
    if (!decoder || avcodec_parameters_to_context(decoder.get(), params) < 0
        || avcodec_open2(decoder.get(), decoderCodec, nullptr) < 0)
        refuse(input, "no decoder for it in this FFmpeg build");
    FramePtr decoded = decodeOne(input, format.get(), decoder.get(), stream);

    // Re-encode from pixels into a fixed pixel format, so the output carries
    // nothing but the picture: no side data, no frame metadata, no profile.
    const AVPixelFormat target = isPng ? AV_PIX_FMT_RGB24 : AV_PIX_FMT_YUVJ420P;
    const AVCodec* encoderCodec = avcodec_find_encoder(isPng ? AV_CODEC_ID_PNG : AV_CODEC_ID_MJPEG);
    CodecPtr encoder(avcodec_alloc_context3(encoderCodec));
    if (!encoder)
        refuse(input, "no encoder for it in this FFmpeg build");
    encoder->width = decoded->width;
    encoder->height = decoded->height;
    encoder->pix_fmt = target;
    encoder->time_base = AVRational{1, 1};
    encoder->color_range = AVCOL_RANGE_JPEG;
    if (!isPng) {
        // A high fixed quality: clinical photos must stay readable.
        encoder->flags |= AV_CODEC_FLAG_QSCALE;
        encoder->global_quality = FF_QP2LAMBDA * 2;
    }
    if ((rc = avcodec_open2(encoder.get(), encoderCodec, nullptr)) < 0)
        refuse(input, "the encoder would not start (" + avError(rc) + ")");

    FramePtr clean(av_frame_alloc());
    clean->format = target;
    clean->width = decoded->width;
    clean->height = decoded->height;
    if (av_frame_get_buffer(clean.get(), 0) < 0)
        refuse(input, "out of memory while re-encoding");
    ScalePtr scaler(sws_getContext(decoded->width, decoded->height, static_cast<AVPixelFormat>(decoded->format),
                                   clean->width, clean->height, target, SWS_BICUBIC, nullptr, nullptr, nullptr));
    if (!scaler)
        refuse(input, "its pixel format cannot be converted");
    sws_scale(scaler.get(), decoded->data, decoded->linesize, 0, decoded->height, clean->data, clean->linesize);
    clean->pts = 0;

    PacketPtr packet(av_packet_alloc());
    if ((rc = avcodec_send_frame(encoder.get(), clean.get())) < 0
        || (rc = avcodec_send_frame(encoder.get(), nullptr)) < 0)
        refuse(input, "re-encoding failed (" + avError(rc) + ")");
    QByteArray bytes;
    while (avcodec_receive_packet(encoder.get(), packet.get()) == 0) {
        bytes.append(reinterpret_cast<const char*>(packet->data), packet->size);
        av_packet_unref(packet.get());
    }
    if (bytes.isEmpty())
        refuse(input, "re-encoding produced no picture");

    // The encoder's packet is the whole image file; writing it directly keeps
    // any muxer from adding headers of its own.
    QFile out(QString::fromStdString(output.string()));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size())
        throw CaseError(CaseErrorKind::Unreadable, "Cannot write the cleaned image to " + output.string() + ": "
                                                       + out.errorString().toStdString());
    return Result{isPng ? Kind::Png : Kind::Jpeg, clean->width, clean->height, bytes.size()};
}

} // namespace spoke::cases
