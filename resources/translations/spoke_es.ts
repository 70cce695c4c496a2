<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ArrivalNotice</name>
    <message>
        <source>Open the case</source>
        <translation>Abrir el caso</translation>
    </message>
    <message>
        <source>Open the case with the new recommendations</source>
        <translation>Abrir el caso con las nuevas recomendaciones</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Cerrar el aviso</translation>
    </message>
</context>
<context>
    <name>AudioVideoSettings</name>
    <message>
        <source>Devices</source>
        <translation>Dispositivos</translation>
    </message>
    <message>
        <source>Calls and recordings use these. Test pattern and test tone are built in, for trying Spoke without a camera or microphone.</source>
        <translation>Las llamadas y las grabaciones usan estos dispositivos. El patrón de prueba y el tono de prueba vienen incluidos, para probar Spoke sin cámara ni micrófono.</translation>
    </message>
    <message>
        <source>Looking for cameras, microphones and speakers…</source>
        <translation>Buscando cámaras, micrófonos y parlantes…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>No se encontró ninguna cámara</translation>
    </message>
    <message>
        <source>No camera chosen</source>
        <translation>No se eligió ninguna cámara</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Micrófono</translation>
    </message>
    <message>
        <source>No microphone found</source>
        <translation>No se encontró ningún micrófono</translation>
    </message>
    <message>
        <source>No microphone chosen</source>
        <translation>No se eligió ningún micrófono</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Parlante</translation>
    </message>
    <message>
        <source>No speaker found</source>
        <translation>No se encontró ningún parlante</translation>
    </message>
    <message>
        <source>No speaker chosen</source>
        <translation>No se eligió ningún parlante</translation>
    </message>
    <message>
        <source>Look for devices again</source>
        <translation>Buscar dispositivos de nuevo</translation>
    </message>
    <message>
        <source>After plugging in a camera or a headset</source>
        <translation>Después de conectar una cámara o unos auriculares</translation>
    </message>
    <message>
        <source>Sound clean-up</source>
        <translation>Limpieza del sonido</translation>
    </message>
    <message>
        <source>Turn these off only if your headset already does the same work.</source>
        <translation>Desactívelas solo si sus auriculares ya hacen ese mismo trabajo.</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>Cancelación de eco</translation>
    </message>
    <message>
        <source>Noise suppression</source>
        <translation>Supresión de ruido</translation>
    </message>
    <message>
        <source>Automatic gain</source>
        <translation>Ganancia automática</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Vista previa de la cámara</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Iniciando la cámara…</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Mostrando: %1</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Nivel del micrófono</translation>
    </message>
    <message>
        <source>Level %1 dBFS, peak %2 dBFS</source>
        <translation>Nivel %1 dBFS, pico %2 dBFS</translation>
    </message>
    <message>
        <source>No sound is being picked up.</source>
        <translation>No se capta ningún sonido.</translation>
    </message>
    <message>
        <source>Test my audio</source>
        <translation>Probar mi audio</translation>
    </message>
</context>
<context>
    <name>CallControls</name>
    <message>
        <source>Unmute</source>
        <translation>Activar micrófono</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Ctrl+D or M</source>
        <translation>Ctrl+D o M</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>Detener cámara</translation>
    </message>
    <message>
        <source>Start camera</source>
        <translation>Iniciar cámara</translation>
    </message>
    <message>
        <source>Ctrl+E or V</source>
        <translation>Ctrl+E o V</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Muted by the chair</source>
        <translation>Silenciado por el moderador</translation>
    </message>
    <message>
        <source>The chair has muted you; raise your hand to ask to speak</source>
        <translation>El moderador lo silenció; levante la mano para pedir la palabra</translation>
    </message>
    <message>
        <source>Lower hand</source>
        <translation>Bajar la mano</translation>
    </message>
    <message>
        <source>Raise hand</source>
        <translation>Levantar la mano</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Dejar de compartir</translation>
    </message>
    <message>
        <source>Share screen</source>
        <translation>Compartir pantalla</translation>
    </message>
    <message>
        <source>Show your screen or one window to everyone (Ctrl+Shift+S)</source>
        <translation>Mostrar su pantalla o una ventana a todos (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>Solo audio</translation>
    </message>
    <message>
        <source>Send and receive no video (Ctrl+Shift+A)</source>
        <translation>No enviar ni recibir video (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Don&apos;t receive video</source>
        <translation>No recibir video</translation>
    </message>
    <message>
        <source>The others&apos; video stays on the server; yours is sent as the camera says (Ctrl+Shift+R)</source>
        <translation>El video de los demás queda en el servidor; el suyo se envía según el estado de la cámara (Ctrl+Shift+R)</translation>
    </message>
</context>
<context>
    <name>CallEventText</name>
    <message>
        <source>No speaker is chosen: you will not hear the others.</source>
        <translation>No hay ningún parlante elegido: no oirá a los demás.</translation>
    </message>
    <message>
        <source>No speaker is available: you will not hear the others.</source>
        <translation>No hay ningún parlante disponible: no oirá a los demás.</translation>
    </message>
    <message>
        <source>The speaker could not be used (%1): you will not hear the others.</source>
        <translation>No se pudo usar el parlante (%1): no oirá a los demás.</translation>
    </message>
    <message>
        <source>The speaker stopped working (%1); the others can no longer be heard.</source>
        <translation>El parlante dejó de funcionar (%1); ya no se oye a los demás.</translation>
    </message>
    <message>
        <source>The camera could not be used (%1); sending the test pattern.</source>
        <translation>No se pudo usar la cámara (%1); se envía el patrón de prueba.</translation>
    </message>
    <message>
        <source>The screen could not be used (%1); sending the test pattern.</source>
        <translation>No se pudo usar la pantalla (%1); se envía el patrón de prueba.</translation>
    </message>
    <message>
        <source>The microphone could not be used (%1); you are muted.</source>
        <translation>No se pudo usar el micrófono (%1); usted está silenciado.</translation>
    </message>
    <message>
        <source>The session room is protected and this laptop has no pass for it.</source>
        <translation>La sala de la sesión está protegida y esta computadora no tiene un pase para entrar.</translation>
    </message>
    <message>
        <source>The session room %1 does not exist on the server. The session may have ended, or the address may be out of date.</source>
        <translation>La sala de la sesión %1 no existe en el servidor. Puede que la sesión haya terminado o que la dirección esté desactualizada.</translation>
    </message>
    <message>
        <source>The session room %1 is full: it takes no more participants.</source>
        <translation>La sala de la sesión %1 está llena: no admite más participantes.</translation>
    </message>
    <message>
        <source>This laptop is already in session room %1, perhaps in another window.</source>
        <translation>Esta computadora ya está en la sala de la sesión %1, quizá en otra ventana.</translation>
    </message>
    <message>
        <source>The server did not let us into session room %1.</source>
        <translation>El servidor no nos dejó entrar en la sala de la sesión %1.</translation>
    </message>
    <message>
        <source>The connection to the session was lost and could not be restored.</source>
        <translation>Se perdió la conexión con la sesión y no se pudo restablecer.</translation>
    </message>
    <message>
        <source>The session server does not offer video rooms (%1). Ask your hub whether the session address is right.</source>
        <translation>El servidor de la sesión no ofrece salas de video (%1). Pregunte a su hub si la dirección de la sesión es correcta.</translation>
    </message>
    <message>
        <source>The call&apos;s network connection could not be set up (%1).</source>
        <translation>No se pudo establecer la conexión de red de la llamada (%1).</translation>
    </message>
    <message>
        <source>The session server did not accept this laptop&apos;s picture and sound (%1).</source>
        <translation>El servidor de la sesión no aceptó la imagen y el sonido de esta computadora (%1).</translation>
    </message>
    <message>
        <source>The session server&apos;s answer could not be used (%1).</source>
        <translation>No se pudo usar la respuesta del servidor de la sesión (%1).</translation>
    </message>
    <message>
        <source>The session server at %1 cannot be reached. Check your network connection, or ask your hub whether the session address is right.</source>
        <translation>No se puede contactar con el servidor de la sesión %1. Compruebe su conexión de red o pregunte a su hub si la dirección de la sesión es correcta.</translation>
    </message>
    <message>
        <source>The hub&apos;s relay server for calls could not be found. Check your network connection and try again.</source>
        <translation>No se encontró el servidor de retransmisión del hub para las llamadas. Compruebe su conexión de red e inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>CallPage</name>
    <message>
        <source>Call status: %1</source>
        <translation>Estado de la llamada: %1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Conexión: %1</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Connecting to the session…</source>
        <translation>Conectando a la sesión…</translation>
    </message>
    <message>
        <source>Join again</source>
        <translation>Volver a unirse</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Back to Spoke</source>
        <translation>Volver a Spoke</translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation>Detalles de la conexión</translation>
    </message>
    <message>
        <source>Leave the session?</source>
        <translation>¿Salir de la sesión?</translation>
    </message>
    <message>
        <source>The others will see that you left. You can join again while the session runs.</source>
        <translation>Los demás verán que usted salió. Puede volver a unirse mientras la sesión siga en curso.</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Quedarse</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
</context>
<context>
    <name>CallQuality</name>
    <message>
        <source>Everything within normal limits</source>
        <translation>Todo dentro de los límites normales</translation>
    </message>
    <message>
        <source>%1 % of packets lost</source>
        <translation>%1 % de paquetes perdidos</translation>
    </message>
    <message>
        <source>%1 ms delay</source>
        <translation>%1 ms de retardo</translation>
    </message>
    <message numerus="yes">
        <source>%n picture freeze(s) in %1 s</source>
        <translation>
            <numerusform>%n congelamiento de imagen en %1 s</numerusform>
            <numerusform>%n congelamientos de imagen en %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>sending only %1 kbit/s</source>
        <translation>solo se envían %1 kbit/s</translation>
    </message>
</context>
<context>
    <name>CallTile</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (usted)</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>silenciado</translation>
    </message>
    <message>
        <source>speaking</source>
        <translation>hablando</translation>
    </message>
    <message>
        <source>camera off</source>
        <translation>cámara apagada</translation>
    </message>
    <message>
        <source>Waiting for video…</source>
        <translation>Esperando el video…</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Cámara apagada</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenciado</translation>
    </message>
    <message>
        <source>%1&apos;s screen</source>
        <translation>Pantalla de %1</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>Solo audio</translation>
    </message>
    <message>
        <source>Video not received</source>
        <translation>Video no recibido</translation>
    </message>
    <message>
        <source>No new picture</source>
        <translation>Sin imagen nueva</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Pantalla</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <source>The test pattern could not start either: %1</source>
        <translation>Tampoco se pudo iniciar el patrón de prueba: %1</translation>
    </message>
    <message>
        <source>Showing the test pattern instead.</source>
        <translation>Se muestra el patrón de prueba en su lugar.</translation>
    </message>
    <message>
        <source>No camera was found.</source>
        <translation>No se encontró ninguna cámara.</translation>
    </message>
    <message>
        <source>The camera could not be opened: %1.</source>
        <translation>No se pudo abrir la cámara: %1.</translation>
    </message>
    <message>
        <source>The camera stopped: %1.</source>
        <translation>La cámara se detuvo: %1.</translation>
    </message>
</context>
<context>
    <name>CaseEditorFindings</name>
    <message>
        <source>Identifier check</source>
        <translation>Verificación de identificadores</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>No possible identifiers found.</source>
        <translation>No se encontraron posibles identificadores.</translation>
    </message>
    <message numerus="yes">
        <source>%n possible identifier(s) to resolve before the case can be marked ready.</source>
        <translation>
            <numerusform>%n posible identificador por resolver antes de poder marcar el caso como listo.</numerusform>
            <numerusform>%n posibles identificadores por resolver antes de poder marcar el caso como listo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible identifier: %1</source>
        <translation>Posible identificador: %1</translation>
    </message>
    <message>
        <source>Redact as %1</source>
        <translation>Ocultar como %1</translation>
    </message>
    <message>
        <source>Replace %1 by %2</source>
        <translation>Reemplazar %1 por %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Not an identifier…</source>
        <translation>No es un identificador…</translation>
    </message>
    <message>
        <source>Cancel the override</source>
        <translation>Cancelar la excepción</translation>
    </message>
    <message>
        <source>Mark %1 as not an identifier</source>
        <translation>Marcar %1 como no identificador</translation>
    </message>
    <message>
        <source>Why is this not an identifier?</source>
        <translation>¿Por qué esto no es un identificador?</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Motivo de la excepción</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Your name, logged with the override</source>
        <translation>Su nombre, que queda registrado con la excepción</translation>
    </message>
    <message>
        <source>Log override</source>
        <translation>Registrar excepción</translation>
    </message>
    <message>
        <source>Log the override with this reason</source>
        <translation>Registrar la excepción con este motivo</translation>
    </message>
    <message>
        <source>Overrides logged</source>
        <translation>Excepciones registradas</translation>
    </message>
    <message>
        <source>%1 in %2: “%3” — %4, %5</source>
        <translation>%1 en %2: “%3” — %4, %5</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>Sugerencia: %1</translation>
    </message>
</context>
<context>
    <name>CaseEditorPage</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Export the de-identified case as PDF</source>
        <translation>Exportar el caso desidentificado como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the case as an echo-case/1.0 file</source>
        <translation>Exportar el caso como archivo echo-case/1.0</translation>
    </message>
    <message>
        <source>Case files (*.json)</source>
        <translation>Archivos de caso (*.json)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>Guardar ahora</translation>
    </message>
    <message>
        <source>Save now (Ctrl+S)</source>
        <translation>Guardar ahora (Ctrl+S)</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <source>Export file…</source>
        <translation>Exportar archivo…</translation>
    </message>
    <message>
        <source>Export the case as an echo-case/1.0 JSON file</source>
        <translation>Exportar el caso como archivo JSON echo-case/1.0</translation>
    </message>
    <message>
        <source>Mark ready</source>
        <translation>Marcar como listo</translation>
    </message>
    <message>
        <source>The case passed the identifier check</source>
        <translation>El caso pasó la verificación de identificadores</translation>
    </message>
    <message>
        <source>Not ready yet: %1</source>
        <translation>Todavía no está listo: %1</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Cerrar el mensaje</translation>
    </message>
    <message>
        <source>Loading the case</source>
        <translation>Cargando el caso</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Submit to the hub</source>
        <translation>Enviar al hub</translation>
    </message>
    <message>
        <source>Sends the case now, or as soon as the hub can be reached</source>
        <translation>Envía el caso ahora, o en cuanto se pueda contactar al hub</translation>
    </message>
</context>
<context>
    <name>CaseHubPanel</name>
    <message>
        <source>Returned by the hub with a question</source>
        <translation>Devuelto por el hub con una pregunta</translation>
    </message>
    <message>
        <source>The hub asks: %1</source>
        <translation>El hub pregunta: %1</translation>
    </message>
    <message>
        <source>Answer it in the case, mark it ready again and submit it.</source>
        <translation>Respóndala en el caso, vuelva a marcarlo como listo y envíelo.</translation>
    </message>
    <message>
        <source>The hub refused this case: %1</source>
        <translation>El hub rechazó este caso: %1</translation>
    </message>
    <message>
        <source>Recommendations from the hub</source>
        <translation>Recomendaciones del hub</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Recommendation by %1: %2</source>
        <translation>Recomendación de %1: %2</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Import an echo-case/1.0 file</source>
        <translation>Importar un archivo echo-case/1.0</translation>
    </message>
    <message>
        <source>Case files (*.json)</source>
        <translation>Archivos de caso (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Programme of the new case</source>
        <translation>Programa del nuevo caso</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Nuevo caso</translation>
    </message>
    <message>
        <source>New case (Ctrl+N)</source>
        <translation>Nuevo caso (Ctrl+N)</translation>
    </message>
    <message>
        <source>Import case file…</source>
        <translation>Importar archivo de caso…</translation>
    </message>
    <message>
        <source>Import an echo-case/1.0 file (Ctrl+O)</source>
        <translation>Importar un archivo echo-case/1.0 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Cases are checked for patient identifiers on this laptop before they are submitted.</source>
        <translation>Los casos se verifican en esta computadora, en busca de identificadores del paciente, antes de enviarse.</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>actualizado %1</translation>
    </message>
    <message>
        <source>the hub asks: %1</source>
        <translation>el hub pregunta: %1</translation>
    </message>
    <message>
        <source>The hub asks: %1</source>
        <translation>El hub pregunta: %1</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Open in the case editor</source>
        <translation>Abrir en el editor de casos</translation>
    </message>
    <message>
        <source>Join the live session</source>
        <translation>Unirse a la sesión en vivo</translation>
    </message>
    <message>
        <source>Open in the player</source>
        <translation>Abrir en el reproductor</translation>
    </message>
</context>
<context>
    <name>DownloadSettings</name>
    <message>
        <source>Download speed</source>
        <translation>Velocidad de descarga</translation>
    </message>
    <message>
        <source>Limit the download speed to</source>
        <translation>Limitar la velocidad de descarga a</translation>
    </message>
    <message>
        <source>Limit the download speed</source>
        <translation>Limitar la velocidad de descarga</translation>
    </message>
    <message>
        <source>Download speed limit in kilobits per second</source>
        <translation>Límite de velocidad de descarga en kilobits por segundo</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>Off by default. A limit leaves room on a shared clinic link for calls; 512 kbit/s brings a one-hour light recording (about 120 MB) in about half an hour.</source>
        <translation>Desactivado por defecto. Un límite deja lugar para las llamadas en la conexión compartida de la clínica; a 512 kbit/s, una grabación liviana de una hora (unos 120 MB) se descarga en una media hora.</translation>
    </message>
    <message>
        <source>Allowed hours</source>
        <translation>Horario permitido</translation>
    </message>
    <message>
        <source>Download only from</source>
        <translation>Descargar solo de</translation>
    </message>
    <message>
        <source>Download only during chosen hours</source>
        <translation>Descargar solo en el horario elegido</translation>
    </message>
    <message>
        <source>From hour</source>
        <translation>Desde la hora</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>To hour</source>
        <translation>Hasta la hora</translation>
    </message>
    <message>
        <source>Local time. From 22:00 to 06:00 goes past midnight. Outside these hours a download waits and goes on by itself.</source>
        <translation>Hora local. De 22:00 a 06:00 pasa la medianoche. Fuera de este horario, la descarga espera y continúa sola.</translation>
    </message>
    <message>
        <source>Allowed networks</source>
        <translation>Redes permitidas</translation>
    </message>
    <message>
        <source>Network connections</source>
        <translation>Conexiones de red</translation>
    </message>
    <message>
        <source>any network</source>
        <translation>cualquier red</translation>
    </message>
    <message>
        <source>Allowed network connections, separated by commas; empty for any</source>
        <translation>Conexiones de red permitidas, separadas por comas; vacío para cualquiera</translation>
    </message>
    <message>
        <source>Names of network connections as the system calls them (e.g. eth0, wlan0), separated by commas. Empty: any. This laptop goes out through: %1.</source>
        <translation>Nombres de las conexiones de red tal como las llama el sistema (p. ej., eth0, wlan0), separados por comas. Vacío: cualquiera. Esta computadora sale por: %1.</translation>
    </message>
    <message>
        <source>no network</source>
        <translation>sin red</translation>
    </message>
    <message>
        <source>Spoke tells connections apart by the device they use, not by the Wi-Fi network&apos;s name: two Wi-Fi networks on the same card look the same. A phone shared by USB or a mobile modem shows as its own connection.</source>
        <translation>Spoke distingue las conexiones por el dispositivo que usan, no por el nombre de la red Wi-Fi: dos redes Wi-Fi en la misma tarjeta se ven iguales. Un teléfono compartido por USB o un módem móvil aparece como una conexión propia.</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>days from the presentation (0 = presentation, negative = before)</source>
        <translation>días desde la presentación (0 = presentación, negativo = antes)</translation>
    </message>
    <message>
        <source>Choose the country first</source>
        <translation>Elija primero el país</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>No registrado</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>FormFindings</name>
    <message>
        <source>Possible identifier: %1</source>
        <translation>Posible identificador: %1</translation>
    </message>
    <message>
        <source>Redact as %1</source>
        <translation>Ocultar como %1</translation>
    </message>
    <message>
        <source>Replace %1 by %2</source>
        <translation>Reemplazar %1 por %2</translation>
    </message>
</context>
<context>
    <name>FormTable</name>
    <message>
        <source>No attachments.</source>
        <translation>Sin adjuntos.</translation>
    </message>
    <message>
        <source>No rows yet.</source>
        <translation>Todavía no hay filas.</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, fila %2: %3</translation>
    </message>
    <message>
        <source>day, e.g. -14</source>
        <translation>día, p. ej. -14</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove row %1 of %2</source>
        <translation>Quitar la fila %1 de %2</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Fila %1: %2</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Agregar fila</translation>
    </message>
    <message>
        <source>Add a row to %1</source>
        <translation>Agregar una fila a %1</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Agregar foto…</translation>
    </message>
    <message>
        <source>Add a photo; its metadata is removed before it is attached</source>
        <translation>Agregar una foto; sus metadatos se eliminan antes de adjuntarla</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>No adjuntada</translation>
    </message>
    <message>
        <source>Add a photo to the case</source>
        <translation>Agregar una foto al caso</translation>
    </message>
    <message>
        <source>Photos (*.png *.jpg *.jpeg)</source>
        <translation>Fotos (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>FormTextList</name>
    <message>
        <source>%1, item %2</source>
        <translation>%1, elemento %2</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove item %1 of %2</source>
        <translation>Quitar el elemento %1 de %2</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Agregar elemento</translation>
    </message>
    <message>
        <source>Add an item to %1</source>
        <translation>Agregar un elemento a %1</translation>
    </message>
</context>
<context>
    <name>HubAccountSettings</name>
    <message>
        <source>Hub account</source>
        <translation>Cuenta del hub</translation>
    </message>
    <message>
        <source>Your programme&apos;s hub holds its schedule, receives your cases and sends back recommendations. Without an account everything stays on this laptop.</source>
        <translation>El hub de su programa tiene el calendario, recibe sus casos y devuelve recomendaciones. Sin una cuenta, todo queda en esta computadora.</translation>
    </message>
    <message>
        <source>Talking to the hub</source>
        <translation>Comunicándose con el hub</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Conectado como %1 (%2)</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message>
        <source>No programme membership yet.</source>
        <translation>Todavía no es miembro de ningún programa.</translation>
    </message>
    <message>
        <source>Your roles:</source>
        <translation>Sus roles:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Salir de la cuenta</translation>
    </message>
    <message>
        <source>Sign out of the hub</source>
        <translation>Salir de la cuenta del hub</translation>
    </message>
    <message>
        <source>Cases and sessions stay on this laptop</source>
        <translation>Los casos y las sesiones quedan en esta computadora</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Dirección del hub</translation>
    </message>
    <message>
        <source>https://hub.example.org</source>
        <translation>https://hub.example.org</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Ingresar</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Email for signing in</source>
        <translation>Correo electrónico para ingresar</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password for signing in</source>
        <translation>Contraseña para ingresar</translation>
    </message>
    <message>
        <source>Sign in to the hub</source>
        <translation>Ingresar al hub</translation>
    </message>
    <message>
        <source>Join with an invite</source>
        <translation>Unirse con una invitación</translation>
    </message>
    <message>
        <source>Your coordinator sends you an invite code once.</source>
        <translation>Su coordinador le envía un código de invitación una sola vez.</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Código de invitación</translation>
    </message>
    <message>
        <source>Your email</source>
        <translation>Su correo electrónico</translation>
    </message>
    <message>
        <source>Your name, as colleagues see it</source>
        <translation>Su nombre, tal como lo ven sus colegas</translation>
    </message>
    <message>
        <source>Password (at least 10 characters)</source>
        <translation>Contraseña (al menos 10 caracteres)</translation>
    </message>
    <message>
        <source>New password, at least 10 characters</source>
        <translation>Nueva contraseña, al menos 10 caracteres</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Repita la nueva contraseña</translation>
    </message>
    <message>
        <source>Join the hub</source>
        <translation>Unirse al hub</translation>
    </message>
    <message>
        <source>Join the hub with this invite</source>
        <translation>Unirse al hub con esta invitación</translation>
    </message>
</context>
<context>
    <name>HubRecordingsList</name>
    <message>
        <source>Recordings on the hub</source>
        <translation>Grabaciones en el hub</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Refresh the list of recordings on the hub</source>
        <translation>Actualizar la lista de grabaciones del hub</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Light is enough to follow a session on a small screen; audio + slides is the smallest. Downloads go on after a lost connection or a restart, one at a time.</source>
        <translation>La versión liviana alcanza para seguir una sesión en una pantalla chica; audio + diapositivas es la más pequeña. Las descargas continúan después de una pérdida de conexión o un reinicio, de a una por vez.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progreso de la descarga</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Descargar</translation>
    </message>
    <message>
        <source>Download %1, %2</source>
        <translation>Descargar %1, %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Pause the download of %1</source>
        <translation>Pausar la descarga de %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the download of %1 and delete what came down</source>
        <translation>Cancelar la descarga de %1 y borrar lo ya descargado</translation>
    </message>
</context>
<context>
    <name>HubWording</name>
    <message>
        <source>The email or the password is wrong.</source>
        <translation>El correo electrónico o la contraseña son incorrectos.</translation>
    </message>
    <message>
        <source>This email already has an account on the hub, with another password. Use that password to join with this invite.</source>
        <translation>Este correo electrónico ya tiene una cuenta en el hub, con otra contraseña. Use esa contraseña para unirse con esta invitación.</translation>
    </message>
    <message>
        <source>The hub no longer accepts this laptop&apos;s sign-in. Sign in again in Settings → Hub account.</source>
        <translation>El hub ya no acepta el ingreso de esta computadora. Vuelva a ingresar en Configuración → Cuenta del hub.</translation>
    </message>
    <message>
        <source>The hub does not know this invite code. Check it with your coordinator.</source>
        <translation>El hub no reconoce este código de invitación. Verifíquelo con su coordinador.</translation>
    </message>
    <message>
        <source>The hub no longer has this case.</source>
        <translation>El hub ya no tiene este caso.</translation>
    </message>
    <message>
        <source>The hub does not know what was asked for.</source>
        <translation>El hub no reconoce lo que se pidió.</translation>
    </message>
    <message>
        <source>This invite has already been used, or the email is already registered. Ask your coordinator for a new invite, or sign in.</source>
        <translation>Esta invitación ya se usó, o el correo electrónico ya está registrado. Pida una nueva invitación a su coordinador, o ingrese.</translation>
    </message>
    <message>
        <source>The hub already has this case, and it has not been returned.</source>
        <translation>El hub ya tiene este caso y no lo ha devuelto.</translation>
    </message>
    <message>
        <source>The hub refused this because the case has changed there. Sync, then try again.</source>
        <translation>El hub lo rechazó porque el caso cambió allí. Sincronice y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Your role in this programme does not allow this.</source>
        <translation>Su rol en este programa no lo permite.</translation>
    </message>
    <message>
        <source>The hub&apos;s identifier check flagged text in this case; nothing was stored there.</source>
        <translation>La verificación de identificadores del hub señaló texto en este caso; no se guardó nada allí.</translation>
    </message>
    <message>
        <source>The hub found fields of this case missing or not valid.</source>
        <translation>El hub encontró campos de este caso faltantes o no válidos.</translation>
    </message>
    <message>
        <source>This is too large for the hub to accept.</source>
        <translation>Es demasiado grande para que el hub lo acepte.</translation>
    </message>
    <message>
        <source>Not signed in to a hub. Sign in in Settings → Hub account.</source>
        <translation>No ingresó a ningún hub. Ingrese en Configuración → Cuenta del hub.</translation>
    </message>
    <message>
        <source>The hub could not be reached. Check the address and the connection.</source>
        <translation>No se pudo contactar al hub. Verifique la dirección y la conexión.</translation>
    </message>
    <message>
        <source>The hub did not answer in time.</source>
        <translation>El hub no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate was not accepted, so nothing was sent.</source>
        <translation>No se aceptó el certificado de seguridad del hub, así que no se envió nada.</translation>
    </message>
    <message>
        <source>The hub had an internal problem. Try again later.</source>
        <translation>El hub tuvo un problema interno. Vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>The hub is running but its database does not answer. Try again later.</source>
        <translation>El hub está funcionando, pero su base de datos no responde. Vuelva a intentarlo más tarde.</translation>
    </message>
    <message>
        <source>The hub answered something this version of Spoke does not understand.</source>
        <translation>El hub respondió algo que esta versión de Spoke no entiende.</translation>
    </message>
    <message>
        <source>This laptop&apos;s offline cache could not be read or written.</source>
        <translation>No se pudo leer ni escribir la caché sin conexión de esta computadora.</translation>
    </message>
    <message>
        <source>The sign-in could not be kept on this laptop (keyring or file not writable).</source>
        <translation>No se pudo guardar el ingreso en esta computadora (no se puede escribir en el llavero o en el archivo).</translation>
    </message>
    <message>
        <source>The hub refused these details. The password needs at least 10 characters.</source>
        <translation>El hub rechazó estos datos. La contraseña necesita al menos 10 caracteres.</translation>
    </message>
    <message>
        <source>The hub refused the request as malformed.</source>
        <translation>El hub rechazó la solicitud por estar mal formada.</translation>
    </message>
    <message>
        <source>This case is no longer in the cache.</source>
        <translation>Este caso ya no está en la caché.</translation>
    </message>
    <message>
        <source>Sign in to your hub first (Settings → Hub account); the case stays on this laptop until then.</source>
        <translation>Primero ingrese a su hub (Configuración → Cuenta del hub); mientras tanto, el caso queda en esta computadora.</translation>
    </message>
    <message>
        <source>This case&apos;s programme is not one of your hub&apos;s programmes, so it cannot be submitted there.</source>
        <translation>El programa de este caso no es uno de los programas de su hub, así que no se puede enviar allí.</translation>
    </message>
    <message>
        <source>This case has already been submitted and the hub has not returned it.</source>
        <translation>Este caso ya se envió y el hub no lo ha devuelto.</translation>
    </message>
    <message numerus="yes">
        <source>%n possible identifier(s) must be redacted, or overridden with a reason, first.</source>
        <translation>
            <numerusform>Primero hay que ocultar %n posible identificador, o registrar una excepción con un motivo.</numerusform>
            <numerusform>Primero hay que ocultar %n posibles identificadores, o registrar excepciones con un motivo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need attention first.</source>
        <translation>
            <numerusform>Primero hay que revisar %n campo.</numerusform>
            <numerusform>Primero hay que revisar %n campos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved case is not a readable echo-case document.</source>
        <translation>El caso guardado no es un documento echo-case legible.</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordinador</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>Especialista</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profesional de salud</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>En formación</translation>
    </message>
    <message>
        <source>Sent to the hub</source>
        <translation>Enviado al hub</translation>
    </message>
    <message>
        <source>Scheduled for a session</source>
        <translation>Programado para una sesión</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Presentado</translation>
    </message>
    <message>
        <source>Recommendations received</source>
        <translation>Recomendaciones recibidas</translation>
    </message>
    <message>
        <source>Returned with a question</source>
        <translation>Devuelto con una pregunta</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Recommendations sent</source>
        <translation>Recomendaciones enviadas</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Pendiente de envío</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>Rechazado por el hub</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>Last synced just now</source>
        <translation>Sincronizado hace un momento</translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n min ago</source>
        <translation>
            <numerusform>Sincronizado hace %n min</numerusform>
            <numerusform>Sincronizado hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n h ago</source>
        <translation>
            <numerusform>Sincronizado hace %n h</numerusform>
            <numerusform>Sincronizado hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Última sincronización: %1</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Grabaciones</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>En esta computadora</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>No descargada</translation>
    </message>
    <message>
        <source>Import a recording</source>
        <translation>Importar una grabación</translation>
    </message>
    <message>
        <source>Recordings (*.webm *.mkv *.mp4)</source>
        <translation>Grabaciones (*.webm *.mkv *.mp4)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import recording…</source>
        <translation>Importar grabación…</translation>
    </message>
    <message>
        <source>Import a recording (Ctrl+O)</source>
        <translation>Importar una grabación (Ctrl+O)</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <source>WebM, MKV or MP4 recordings, e.g. a hub&apos;s edited recording, are copied into the library with their chapters.</source>
        <translation>Las grabaciones WebM, MKV o MP4 (p. ej., una grabación editada por el hub) se copian en la biblioteca con sus capítulos.</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>no descargada</translation>
    </message>
    <message>
        <source>Cases: %1</source>
        <translation>Casos: %1</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Reproducir</translation>
    </message>
    <message>
        <source>Library sections</source>
        <translation>Secciones de la biblioteca</translation>
    </message>
    <message>
        <source>Alt+R</source>
        <translation>Alt+R</translation>
    </message>
    <message>
        <source>From the hub</source>
        <translation>Del hub</translation>
    </message>
    <message>
        <source>Alt+F</source>
        <translation>Alt+F</translation>
    </message>
</context>
<context>
    <name>LiveAgenda</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>This call is not linked to a session on your hub, so there is no agenda.</source>
        <translation>Esta llamada no está vinculada a una sesión de su hub, así que no hay agenda.</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>Puntos de la agenda</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>en curso desde hace %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>duró %1</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>sin iniciar</translation>
    </message>
    <message>
        <source>Started by %1</source>
        <translation>Iniciado por %1</translation>
    </message>
    <message>
        <source>Took %1 (started by %2)</source>
        <translation>Duró %1 (iniciado por %2)</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Moderador</translation>
    </message>
    <message>
        <source>Start next item: %1</source>
        <translation>Iniciar el siguiente punto: %1</translation>
    </message>
    <message>
        <source>Start next item</source>
        <translation>Iniciar el siguiente punto</translation>
    </message>
    <message>
        <source>Ends the running item and starts the next one for everyone</source>
        <translation>Termina el punto en curso e inicia el siguiente para todos</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Terminar la sesión</translation>
    </message>
    <message>
        <source>Waiting for the hub</source>
        <translation>Esperando al hub</translation>
    </message>
    <message>
        <source>End the session for everyone?</source>
        <translation>¿Terminar la sesión para todos?</translation>
    </message>
    <message>
        <source>The running item ends now and the hub records the session as over.</source>
        <translation>El punto en curso termina ahora y el hub registra la sesión como finalizada.</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Continuar</translation>
    </message>
</context>
<context>
    <name>LiveCase</name>
    <message>
        <source>Case %1</source>
        <translation>Caso %1</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Loading the case</source>
        <translation>Cargando el caso</translation>
    </message>
    <message>
        <source>The case, read-only</source>
        <translation>El caso, solo lectura</translation>
    </message>
    <message>
        <source>The case as submitted, de-identified</source>
        <translation>El caso tal como se envió, desidentificado</translation>
    </message>
    <message>
        <source>Choose a case</source>
        <translation>Elija un caso</translation>
    </message>
    <message>
        <source>Case to show</source>
        <translation>Caso a mostrar</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Separar</translation>
    </message>
    <message>
        <source>Show the case in its own window</source>
        <translation>Mostrar el caso en una ventana aparte</translation>
    </message>
    <message>
        <source>The case is in its own window. Turn Detach off to bring it back.</source>
        <translation>El caso está en una ventana aparte. Desactive Separar para traerlo de vuelta.</translation>
    </message>
    <message>
        <source>Case %1 (read-only)</source>
        <translation>Caso %1 (solo lectura)</translation>
    </message>
    <message>
        <source>Follow the presenter</source>
        <translation>Seguir al presentador</translation>
    </message>
    <message>
        <source>Follow the presenter&apos;s case and section again</source>
        <translation>Volver a seguir el caso y la sección del presentador</translation>
    </message>
</context>
<context>
    <name>LiveChat</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Chat messages</source>
        <translation>Mensajes del chat</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>no enviado</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>No enviado</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Retry sending: %1</source>
        <translation>Reintentar el envío: %1</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Todavía no hay mensajes.</translation>
    </message>
    <message>
        <source>This call is not linked to a session on your hub, so there is no chat.</source>
        <translation>Esta llamada no está vinculada a una sesión de su hub, así que no hay chat.</translation>
    </message>
    <message>
        <source>Message everyone</source>
        <translation>Mensaje para todos</translation>
    </message>
    <message>
        <source>Chat message</source>
        <translation>Mensaje de chat</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensaje</translation>
    </message>
</context>
<context>
    <name>LiveHands</name>
    <message>
        <source>Raised hands</source>
        <translation>Manos levantadas</translation>
    </message>
    <message>
        <source>Lower my hand</source>
        <translation>Bajar mi mano</translation>
    </message>
    <message>
        <source>Raise my hand</source>
        <translation>Levantar mi mano</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>No hands are up.</source>
        <translation>No hay manos levantadas.</translation>
    </message>
    <message numerus="yes">
        <source>%n hand(s) up, first raised first:</source>
        <translation>
            <numerusform>%n mano levantada, por orden de llegada:</numerusform>
            <numerusform>%n manos levantadas, por orden de llegada:</numerusform>
        </translation>
    </message>
    <message>
        <source>Raised hands in order</source>
        <translation>Manos levantadas en orden</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (usted)</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Lower the hand of %1</source>
        <translation>Bajar la mano de %1</translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Hands</source>
        <translation>Manos</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Participantes</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Diapositivas</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>%1 (Alt+%2)</source>
        <translation>%1 (Alt+%2)</translation>
    </message>
</context>
<context>
    <name>LiveParticipants</name>
    <message>
        <source>Mic on</source>
        <translation>Micrófono activado</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenciado</translation>
    </message>
    <message>
        <source>Muted by the chair</source>
        <translation>Silenciado por el moderador</translation>
    </message>
    <message>
        <source>Mic unknown</source>
        <translation>Micrófono: estado desconocido</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Cámara encendida</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Cámara apagada</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>Solo audio</translation>
    </message>
    <message>
        <source>Camera unknown</source>
        <translation>Cámara: estado desconocido</translation>
    </message>
    <message>
        <source>People in the call (%1)</source>
        <translation>Participantes en la llamada (%1)</translation>
    </message>
    <message>
        <source>People in the call</source>
        <translation>Participantes en la llamada</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (usted)</translation>
    </message>
    <message>
        <source>role unknown</source>
        <translation>rol desconocido</translation>
    </message>
    <message>
        <source>hand raised, number %1</source>
        <translation>mano levantada, número %1</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>conexión %1</translation>
    </message>
    <message>
        <source>Hand %1</source>
        <translation>Mano %1</translation>
    </message>
    <message>
        <source>Role not known</source>
        <translation>Rol desconocido</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Conexión: %1</translation>
    </message>
    <message>
        <source>Connection: measuring</source>
        <translation>Conexión: midiendo</translation>
    </message>
    <message>
        <source>Allow to speak</source>
        <translation>Dar la palabra</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Allow %1 to speak</source>
        <translation>Dar la palabra a %1</translation>
    </message>
    <message>
        <source>Mute %1 for everyone</source>
        <translation>Silenciar a %1 para todos</translation>
    </message>
    <message>
        <source>Remove from session</source>
        <translation>Quitar de la sesión</translation>
    </message>
    <message>
        <source>Remove %1 from the session</source>
        <translation>Quitar a %1 de la sesión</translation>
    </message>
    <message>
        <source>People in the room with me</source>
        <translation>Personas en la sala conmigo</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Nombres, separados por comas</translation>
    </message>
    <message>
        <source>Names of the people in the room with me</source>
        <translation>Nombres de las personas en la sala conmigo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Record them as present</source>
        <translation>Registrarlas como presentes</translation>
    </message>
    <message>
        <source>Remove from the session?</source>
        <translation>¿Quitar de la sesión?</translation>
    </message>
    <message>
        <source>%1 leaves the call now and cannot join this session again.</source>
        <translation>%1 sale de la llamada ahora y no podrá volver a unirse a esta sesión.</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Mantener</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>LiveSlides</name>
    <message>
        <source>Share slides with everyone (PDF)</source>
        <translation>Compartir diapositivas con todos (PDF)</translation>
    </message>
    <message>
        <source>Open slides on this laptop only (PDF)</source>
        <translation>Abrir diapositivas solo en esta computadora (PDF)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Diapositivas</translation>
    </message>
    <message>
        <source>Share another…</source>
        <translation>Compartir otro…</translation>
    </message>
    <message>
        <source>Share a PDF…</source>
        <translation>Compartir un PDF…</translation>
    </message>
    <message>
        <source>Share a PDF with everyone</source>
        <translation>Compartir un PDF con todos</translation>
    </message>
    <message>
        <source>Open here only…</source>
        <translation>Abrir solo aquí…</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>Abrir otro…</translation>
    </message>
    <message>
        <source>Open a PDF…</source>
        <translation>Abrir un PDF…</translation>
    </message>
    <message>
        <source>Open a PDF on this laptop only</source>
        <translation>Abrir un PDF solo en esta computadora</translation>
    </message>
    <message>
        <source>Transferring the slides</source>
        <translation>Transfiriendo las diapositivas</translation>
    </message>
    <message>
        <source>Drawing the page</source>
        <translation>Dibujando la página</translation>
    </message>
    <message>
        <source>Share the deck you present: everyone downloads it once and follows your pages. When someone else presents, their slides appear here.</source>
        <translation>Comparta la presentación que va a exponer: todos la descargan una vez y siguen sus páginas. Cuando otra persona presenta, sus diapositivas aparecen aquí.</translation>
    </message>
    <message>
        <source>Open the deck you present to page through it here.</source>
        <translation>Abra la presentación que va a exponer para recorrerla aquí.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Página anterior (Re Pág)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Página siguiente (Av Pág)</translation>
    </message>
    <message>
        <source>Follow the presenter</source>
        <translation>Seguir al presentador</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Spoke is locked</source>
        <translation>Spoke está bloqueado</translation>
    </message>
    <message>
        <source>Enter the PIN of this profile to go on.</source>
        <translation>Ingrese el PIN de este perfil para continuar.</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Your live session goes on while Spoke is locked: you still hear it, and your microphone and camera stay as they were.</source>
        <translation>Su sesión en vivo continúa mientras Spoke está bloqueado: la sigue oyendo, y su micrófono y su cámara quedan como estaban.</translation>
    </message>
    <message>
        <source>Forgot the PIN? Ask whoever looks after this laptop.</source>
        <translation>¿Olvidó el PIN? Consulte a quien se encarga de esta computadora.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Spoke</source>
        <translation>Spoke</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>teleECHO telementoring</source>
        <translation>Telementoría teleECHO</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Atrás</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Spoke could not open its offline cache. %1</source>
        <translation>Spoke no pudo abrir su caché sin conexión. %1</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Practice session with the hub</source>
        <translation>Sesión de práctica con el hub</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
</context>
<context>
    <name>PlayerEntry</name>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <source>Player</source>
        <translation>Reproductor</translation>
    </message>
    <message>
        <source>Recording video</source>
        <translation>Video de la grabación</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Nothing to play</source>
        <translation>Nada para reproducir</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Previous chapter</source>
        <translation>Capítulo anterior</translation>
    </message>
    <message>
        <source>Previous chapter ( [ )</source>
        <translation>Capítulo anterior ( [ )</translation>
    </message>
    <message>
        <source>−10 s</source>
        <translation>−10 s</translation>
    </message>
    <message>
        <source>Back 10 seconds</source>
        <translation>Retroceder 10 segundos</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>+10 s</source>
        <translation>+10 s</translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation>Avanzar 10 segundos</translation>
    </message>
    <message>
        <source>Next chapter</source>
        <translation>Capítulo siguiente</translation>
    </message>
    <message>
        <source>Next chapter ( ] )</source>
        <translation>Capítulo siguiente ( ] )</translation>
    </message>
    <message>
        <source>Time %1 of %2</source>
        <translation>Tiempo %1 de %2</translation>
    </message>
    <message>
        <source>%1× speed</source>
        <translation>Velocidad %1×</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
    <message>
        <source>Keys: Space or K play/pause · ←/→ 5 s · J/L 10 s · [ ] chapters · B bookmark</source>
        <translation>Teclas: Espacio o K reproducir/pausa · ←/→ 5 s · J/L 10 s · [ ] capítulos · B marcador</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Diapositivas</translation>
    </message>
    <message>
        <source>Audio and slides: %1</source>
        <translation>Audio y diapositivas: %1</translation>
    </message>
</context>
<context>
    <name>PlayerSidePanel</name>
    <message>
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notas (%1)</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Marcadores y notas</translation>
    </message>
    <message>
        <source>This recording has no chapters.</source>
        <translation>Esta grabación no tiene capítulos.</translation>
    </message>
    <message>
        <source>Note at %1</source>
        <translation>Nota en %1</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texto de la nota</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Agregar nota</translation>
    </message>
    <message>
        <source>Add a bookmark here</source>
        <translation>Agregar un marcador aquí</translation>
    </message>
    <message>
        <source>Add the note here</source>
        <translation>Agregar la nota aquí</translation>
    </message>
    <message>
        <source>No notes yet. Press B while watching to bookmark a moment.</source>
        <translation>Todavía no hay notas. Presione B mientras mira para marcar un momento.</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Diapositivas</translation>
    </message>
    <message>
        <source>Chat (%1)</source>
        <translation>Chat (%1)</translation>
    </message>
    <message>
        <source>Chat so far</source>
        <translation>Chat hasta este momento</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Case form of this chapter</source>
        <translation>Formulario del caso de este capítulo</translation>
    </message>
    <message>
        <source>No chat for this recording.</source>
        <translation>Esta grabación no tiene chat.</translation>
    </message>
    <message>
        <source>Nothing said in the chat yet at this point.</source>
        <translation>Todavía no se escribió nada en el chat en este punto.</translation>
    </message>
    <message>
        <source>No case is presented in this chapter.</source>
        <translation>En este capítulo no se presenta ningún caso.</translation>
    </message>
    <message>
        <source>Section shown: %1</source>
        <translation>Sección mostrada: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Ready to submit</source>
        <translation>Listo para enviar</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Presentado</translation>
    </message>
    <message>
        <source>Recommendations received</source>
        <translation>Recomendaciones recibidas</translation>
    </message>
    <message>
        <source>This case is no longer in the cache.</source>
        <translation>Este caso ya no está en la caché.</translation>
    </message>
    <message>
        <source>This case was already submitted; changes are no longer saved here.</source>
        <translation>Este caso ya se envió; los cambios ya no se guardan aquí.</translation>
    </message>
    <message>
        <source>Cannot store the cleaned file in %1.</source>
        <translation>No se puede guardar el archivo depurado en %1.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Caso %1</translation>
    </message>
    <message>
        <source>De-identified copy made by Spoke. Text marked like [NAME] was replaced before export.</source>
        <translation>Copia desidentificada creada por Spoke. El texto marcado como [NAME] se reemplazó antes de exportar.</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1: %2</source>
        <translation>No se pudo escribir el PDF en %1: %2</translation>
    </message>
    <message>
        <source>Hub specialist</source>
        <translation>Especialista del hub</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitador</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordinador</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Presentador</translation>
    </message>
    <message>
        <source>Spoke participant</source>
        <translation>Participante de la clínica</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>En formación</translation>
    </message>
    <message>
        <source>IT support</source>
        <translation>Soporte informático</translation>
    </message>
    <message>
        <source>This session is no longer in the cache.</source>
        <translation>Esta sesión ya no está en la caché.</translation>
    </message>
    <message>
        <source>%1 in the session</source>
        <translation>%1 en la sesión</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Written recommendations</source>
        <translation>Recomendaciones escritas</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Grabaciones</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>Question for the hub</source>
        <translation>Pregunta para el hub</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Age band %1, sex %2</source>
        <translation>Grupo de edad %1, sexo %2</translation>
    </message>
    <message>
        <source>Presenting problem</source>
        <translation>Motivo de consulta</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revisión %1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Open the session this case belongs to</source>
        <translation>Abrir la sesión a la que pertenece este caso</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>This recording is no longer in the cache.</source>
        <translation>Esta grabación ya no está en la caché.</translation>
    </message>
    <message>
        <source>Saved on this laptop: %1</source>
        <translation>Guardada en esta computadora: %1</translation>
    </message>
    <message>
        <source>Not downloaded to this laptop yet. Chapters and notes are available offline.</source>
        <translation>Todavía no se descargó en esta computadora. Los capítulos y las notas están disponibles sin conexión.</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Marcadores y notas</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Recomendación</translation>
    </message>
    <message>
        <source>Chapter</source>
        <translation>Capítulo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>This case has not been saved yet.</source>
        <translation>Este caso todavía no se guardó.</translation>
    </message>
    <message>
        <source>Slide</source>
        <translation>Diapositiva</translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message>
        <source>Your recommendation</source>
        <translation>Su recomendación</translation>
    </message>
    <message>
        <source>Recommendation %1</source>
        <translation>Recomendación %1</translation>
    </message>
    <message>
        <source>Recommendation item %1</source>
        <translation>Punto %1 de la recomendación</translation>
    </message>
    <message>
        <source>Remove item %1</source>
        <translation>Quitar el punto %1</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Agregar un punto</translation>
    </message>
    <message>
        <source>Add a numbered recommendation item</source>
        <translation>Agregar un punto numerado a la recomendación</translation>
    </message>
    <message>
        <source>Further advice, in your own words</source>
        <translation>Otros consejos, con sus propias palabras</translation>
    </message>
    <message>
        <source>Recommendation text</source>
        <translation>Texto de la recomendación</translation>
    </message>
    <message>
        <source>Send recommendation</source>
        <translation>Enviar recomendación</translation>
    </message>
    <message>
        <source>Send the recommendation to the presenter</source>
        <translation>Enviar la recomendación al presentador</translation>
    </message>
    <message>
        <source>Return with a question</source>
        <translation>Devolver con una pregunta</translation>
    </message>
    <message>
        <source>When the case cannot be answered as it stands, ask its presenter.</source>
        <translation>Si el caso no se puede responder tal como está, pregúntele a quien lo presenta.</translation>
    </message>
    <message>
        <source>What should the presenter add or clarify?</source>
        <translation>¿Qué debería agregar o aclarar el presentador?</translation>
    </message>
    <message>
        <source>Question for the presenter</source>
        <translation>Pregunta para el presentador</translation>
    </message>
    <message>
        <source>Return with this question</source>
        <translation>Devolver con esta pregunta</translation>
    </message>
    <message>
        <source>Return the case to its presenter with this question</source>
        <translation>Devolver el caso a su presentador con esta pregunta</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Cerrar el mensaje</translation>
    </message>
    <message>
        <source>Waiting for review (%1)</source>
        <translation>Pendientes de revisión (%1)</translation>
    </message>
    <message>
        <source>Reload the queue (F5)</source>
        <translation>Recargar la cola (F5)</translation>
    </message>
    <message>
        <source>Loading the queue…</source>
        <translation>Cargando la cola…</translation>
    </message>
    <message>
        <source>No case is waiting for review.</source>
        <translation>No hay casos pendientes de revisión.</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Cola de revisión</translation>
    </message>
    <message>
        <source>Choose a case from the queue to read it.</source>
        <translation>Elija un caso de la cola para leerlo.</translation>
    </message>
    <message>
        <source>Loading the case</source>
        <translation>Cargando el caso</translation>
    </message>
    <message>
        <source>Returned with the question: %1</source>
        <translation>Devuelto con la pregunta: %1</translation>
    </message>
    <message>
        <source>Recommended by %1, %2:</source>
        <translation>Recomendado por %1, %2:</translation>
    </message>
    <message>
        <source>The case as submitted, de-identified</source>
        <translation>El caso tal como se envió, desidentificado</translation>
    </message>
</context>
<context>
    <name>ScreenShareChooser</name>
    <message>
        <source>Share your screen</source>
        <translation>Compartir su pantalla</translation>
    </message>
    <message>
        <source>Everyone sees it as a tile of its own, sent at about 150 kbit/s (some 22 MB in 20 minutes). For slides, sharing the PDF costs far less.</source>
        <translation>Todos la ven en un recuadro propio, enviada a unos 150 kbit/s (unos 22 MB en 20 minutos). Para diapositivas, compartir el PDF consume mucho menos.</translation>
    </message>
    <message>
        <source>Looking for screens and windows</source>
        <translation>Buscando pantallas y ventanas</translation>
    </message>
    <message>
        <source>Screens and windows</source>
        <translation>Pantallas y ventanas</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Share the chosen screen or window</source>
        <translation>Compartir la pantalla o ventana elegida</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search sessions, cases, recommendations, notes and chat  (Ctrl+F)</source>
        <translation>Buscar en sesiones, casos, recomendaciones, notas y chat  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Nothing found in this laptop&apos;s cache.</source>
        <translation>No se encontró nada en la caché de esta computadora.</translation>
    </message>
</context>
<context>
    <name>SecuritySettings</name>
    <message>
        <source>App lock</source>
        <translation>Bloqueo de la aplicación</translation>
    </message>
    <message>
        <source>A PIN locks this profile: when Spoke starts, after the idle time below, and with Lock now (Ctrl+L).</source>
        <translation>Un PIN bloquea este perfil: al iniciar Spoke, tras el tiempo de inactividad indicado abajo y con Bloquear ahora (Ctrl+L).</translation>
    </message>
    <message>
        <source>No PIN is set. Anyone using this computer account can open this profile&apos;s cases in Spoke.</source>
        <translation>No hay ningún PIN configurado. Cualquier persona que use esta cuenta de la computadora puede abrir en Spoke los casos de este perfil.</translation>
    </message>
    <message>
        <source>The PIN belongs to this profile (its data folder): a clinician sharing this computer account with others keeps a profile of their own with --data-dir. The PIN is 4 to 12 digits; easy ones like 0000 or 1234 are refused. Only a slow salted hash of it is kept.</source>
        <translation>El PIN pertenece a este perfil (su carpeta de datos): un profesional que comparte esta cuenta de la computadora con otros tiene su propio perfil con --data-dir. El PIN tiene de 4 a 12 dígitos; se rechazan los fáciles, como 0000 o 1234. Solo se guarda un hash lento y con sal del PIN.</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>PIN actual</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>PIN nuevo</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repítalo</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Repita el PIN nuevo</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Cambiar el PIN</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Configurar el PIN</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>Quitar el PIN</translation>
    </message>
    <message>
        <source>Remove the PIN: Spoke no longer locks</source>
        <translation>Quitar el PIN: Spoke ya no se bloquea</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Lock when idle</source>
        <translation>Bloquear por inactividad</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Bloquear después de</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Bloquear después de estos minutos de inactividad</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the idle time</source>
        <translation>Guardar el tiempo de inactividad</translation>
    </message>
    <message>
        <source>Enter the current PIN above to change it. No key, click or mouse movement in Spoke for that long locks it; a live session goes on under the lock.</source>
        <translation>Ingrese arriba el PIN actual para cambiarlo. Si durante ese tiempo no hay teclas, clics ni movimientos del mouse en Spoke, se bloquea; una sesión en vivo continúa bajo el bloqueo.</translation>
    </message>
    <message>
        <source>Set a PIN first.</source>
        <translation>Primero configure un PIN.</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>Verificando el PIN…</translation>
    </message>
    <message>
        <source>The lock keeps this window from whoever walks up to the laptop. It does not encrypt the data folder: anyone who can read its files as this computer account can read the cache, and can remove the lock by deleting app-lock.json there (which is also how to start again after a forgotten PIN).</source>
        <translation>El bloqueo protege esta ventana de quien se acerque a la computadora. No cifra la carpeta de datos: cualquiera que pueda leer sus archivos con esta cuenta de la computadora puede leer la caché y quitar el bloqueo borrando allí app-lock.json (que es también la forma de empezar de nuevo si olvidó el PIN).</translation>
    </message>
</context>
<context>
    <name>SessionCard</name>
    <message>
        <source>1 case</source>
        <translation>1 caso</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 casos</translation>
    </message>
    <message>
        <source>Recording available</source>
        <translation>Grabación disponible</translation>
    </message>
    <message>
        <source>Join live session</source>
        <translation>Unirse a la sesión en vivo</translation>
    </message>
    <message>
        <source>Join live session: %1</source>
        <translation>Unirse a la sesión en vivo: %1</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Próximas</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Sesiones anteriores</translation>
    </message>
    <message>
        <source>Sessions you have attended will be listed here.</source>
        <translation>Aquí aparecerán las sesiones a las que asistió.</translation>
    </message>
    <message>
        <source>No sessions on this laptop yet</source>
        <translation>Todavía no hay sesiones en esta computadora</translation>
    </message>
    <message>
        <source>Your hub has not scheduled a session yet, or it has not been synced. It appears here once it has.</source>
        <translation>Su hub todavía no programó ninguna sesión, o no se ha sincronizado. Aparecerá aquí cuando ocurra.</translation>
    </message>
    <message>
        <source>Sign in to your programme&apos;s hub to get its schedule, or try the demo programme to look around first. The demo stays on this laptop.</source>
        <translation>Ingrese al hub de su programa para obtener su calendario, o pruebe primero el programa de demostración para conocer la aplicación. La demostración queda en esta computadora.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Probar la demostración</translation>
    </message>
    <message>
        <source>Try the demo: add a demo programme to look around in</source>
        <translation>Probar la demostración: agregar un programa de demostración para explorar</translation>
    </message>
    <message>
        <source>Hub account…</source>
        <translation>Cuenta del hub…</translation>
    </message>
    <message>
        <source>Open Settings, Hub account, to sign in</source>
        <translation>Abrir Configuración, Cuenta del hub, para ingresar</translation>
    </message>
    <message>
        <source>No sessions scheduled by your hub.</source>
        <translation>Su hub no programó ninguna sesión.</translation>
    </message>
    <message>
        <source>No sessions scheduled. Your hub&apos;s schedule appears here once you are signed in and it has been synced.</source>
        <translation>No hay sesiones programadas. El calendario de su hub aparece aquí una vez que usted ingresó y se sincronizó.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Offline cache</source>
        <translation>Caché sin conexión</translation>
    </message>
    <message>
        <source>Sessions, cases, recommendations and recordings are kept on this laptop so you can use them without a connection.</source>
        <translation>Las sesiones, los casos, las recomendaciones y las grabaciones se guardan en esta computadora para que pueda usarlos sin conexión.</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Carpeta de datos: %1</translation>
    </message>
    <message>
        <source>Reload from cache</source>
        <translation>Recargar desde la caché</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Spoke %1 — teleECHO telementoring client</source>
        <translation>Spoke %1 — cliente de telementoría teleECHO</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Secciones de la configuración</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Alt+G</source>
        <translation>Alt+G</translation>
    </message>
    <message>
        <source>Hub account</source>
        <translation>Cuenta del hub</translation>
    </message>
    <message>
        <source>Alt+H</source>
        <translation>Alt+H</translation>
    </message>
    <message>
        <source>Audio &amp;&amp; video</source>
        <translation>Audio &amp;&amp; video</translation>
    </message>
    <message>
        <source>Audio and video</source>
        <translation>Audio y video</translation>
    </message>
    <message>
        <source>Alt+V</source>
        <translation>Alt+V</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Probar la demostración</translation>
    </message>
    <message>
        <source>Try the demo: add a demo programme to look around in</source>
        <translation>Probar la demostración: agregar un programa de demostración para explorar</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>Sesiones en vivo</translation>
    </message>
    <message>
        <source>The hub gives you its session address. It starts with ws:// or wss://.</source>
        <translation>El hub le da la dirección de sus sesiones. Empieza con ws:// o wss://.</translation>
    </message>
    <message>
        <source>Session address</source>
        <translation>Dirección de la sesión</translation>
    </message>
    <message>
        <source>ws://hub.example.org:8188</source>
        <translation>ws://hub.example.org:8188</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Descargas</translation>
    </message>
    <message>
        <source>Alt+D</source>
        <translation>Alt+D</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Alt+S</source>
        <translation>Alt+S</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Language of Spoke, and of its dates and numbers</source>
        <translation>Idioma de Spoke, y de sus fechas y números</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Sync with the hub now</source>
        <translation>Sincronizar con el hub ahora</translation>
    </message>
</context>
<context>
    <name>spoke::ui::AppController</name>
    <message>
        <source>The demo programme could not be written: %1</source>
        <translation>No se pudo escribir el programa de demostración: %1</translation>
    </message>
    <message>
        <source>The demo programme is already on this laptop.</source>
        <translation>El programa de demostración ya está en esta computadora.</translation>
    </message>
    <message>
        <source>The demo programme was added: %1 sessions and %2 cases to look around in. Nothing of it is sent to a hub.</source>
        <translation>Se agregó el programa de demostración: %1 sesiones y %2 casos para explorar. Nada de esto se envía a un hub.</translation>
    </message>
    <message>
        <source>Not signed in to a hub: changes stay on this laptop</source>
        <translation>No ingresó a ningún hub: los cambios quedan en esta computadora</translation>
    </message>
    <message numerus="yes">
        <source>Not signed in to a hub: %n change(s) wait on this laptop</source>
        <translation>
            <numerusform>No ingresó a ningún hub: %n cambio espera en esta computadora</numerusform>
            <numerusform>No ingresó a ningún hub: %n cambios esperan en esta computadora</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing with the hub…</source>
        <translation>Sincronizando con el hub…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the hub; open the case to see why</source>
        <translation>
            <numerusform>El hub rechazó %n cambio; abra el caso para ver por qué</numerusform>
            <numerusform>El hub rechazó %n cambios; abra el caso para ver por qué</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to send</source>
        <translation>
            <numerusform>%n cambio pendiente de envío</numerusform>
            <numerusform>%n cambios pendientes de envío</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing sent yet</source>
        <translation>Todavía no se envió nada</translation>
    </message>
    <message>
        <source>Everything has been sent to the hub</source>
        <translation>Todo se envió al hub</translation>
    </message>
    <message numerus="yes">
        <source>New recommendations from the hub for %n case(s), the newest for %1.</source>
        <translation>
            <numerusform>Nuevas recomendaciones del hub para %n caso, el más reciente para %1.</numerusform>
            <numerusform>Nuevas recomendaciones del hub para %n casos, el más reciente para %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New recommendations from the hub for %n case(s).</source>
        <translation>
            <numerusform>Nuevas recomendaciones del hub para %n caso.</numerusform>
            <numerusform>Nuevas recomendaciones del hub para %n casos.</numerusform>
        </translation>
    </message>
    <message>
        <source>New recommendations from the hub.</source>
        <translation>Nuevas recomendaciones del hub.</translation>
    </message>
    <message>
        <source>New recommendations from the hub for %1.</source>
        <translation>Nuevas recomendaciones del hub para %1.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::CallModel</name>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>In session</source>
        <translation>En sesión</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>You left the session</source>
        <translation>Usted salió de la sesión</translation>
    </message>
    <message>
        <source>Could not join the session</source>
        <translation>No se pudo unir a la sesión</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Midiendo…</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Mala</translation>
    </message>
    <message>
        <source>This laptop has no network connection to carry the call. Connect to a network and try again.</source>
        <translation>Esta computadora no tiene conexión de red para la llamada. Conéctese a una red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The session server at %1 cannot be reached. Check your network connection, or ask your hub whether the session address is right.</source>
        <translation>No se puede contactar al servidor de sesiones en %1. Verifique su conexión de red, o consulte a su hub si la dirección de la sesión es correcta.</translation>
    </message>
    <message>
        <source>Participant %1</source>
        <translation>Participante %1</translation>
    </message>
    <message>
        <source>Packets lost: %1 % (worst participant, last %2 s)</source>
        <translation>Paquetes perdidos: %1 % (peor participante, últimos %2 s)</translation>
    </message>
    <message>
        <source>Packets lost: nothing received yet</source>
        <translation>Paquetes perdidos: todavía no se recibió nada</translation>
    </message>
    <message>
        <source>Picture delay: %1 ms</source>
        <translation>Retardo de imagen: %1 ms</translation>
    </message>
    <message>
        <source>Picture delay: not measured</source>
        <translation>Retardo de imagen: sin medir</translation>
    </message>
    <message>
        <source>Picture freezes: %1 in the last %2 s</source>
        <translation>Congelamientos de imagen: %1 en los últimos %2 s</translation>
    </message>
    <message>
        <source>Sending: %1 kbit/s</source>
        <translation>Enviando: %1 kbit/s</translation>
    </message>
    <message>
        <source>Sending: starting</source>
        <translation>Enviando: iniciando</translation>
    </message>
    <message>
        <source>Practice clinic</source>
        <translation>Clínica de práctica</translation>
    </message>
    <message>
        <source>No session server is set up on this laptop. Ask your hub for the session address (it starts with wss://).</source>
        <translation>No hay ningún servidor de sesiones configurado en esta computadora. Pida a su hub la dirección de la sesión (empieza con wss://).</translation>
    </message>
    <message>
        <source>Spoke clinic</source>
        <translation>Clínica Spoke</translation>
    </message>
    <message>
        <source>The chair removed you from this session.</source>
        <translation>El moderador lo quitó de esta sesión.</translation>
    </message>
    <message>
        <source>This session is over. The chair has ended it.</source>
        <translation>Esta sesión terminó. El moderador la finalizó.</translation>
    </message>
    <message>
        <source>The hub has no media server available for the call right now. Try again in a few minutes, or tell the hub&apos;s coordinator.</source>
        <translation>En este momento el hub no tiene un servidor de medios disponible para la llamada. Vuelva a intentarlo en unos minutos o avise al coordinador del hub.</translation>
    </message>
    <message>
        <source>Not signed in to the hub. Sign in under Settings → Hub account, then join again.</source>
        <translation>No ingresó al hub. Ingrese en Configuración → Cuenta del hub y vuelva a unirse.</translation>
    </message>
    <message>
        <source>The hub does not know this session any more. It may have been cancelled.</source>
        <translation>El hub ya no reconoce esta sesión. Puede que se haya cancelado.</translation>
    </message>
    <message>
        <source>The hub cannot be reached to join the session. Check your network connection and try again.</source>
        <translation>No se puede contactar al hub para unirse a la sesión. Verifique su conexión de red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The hub did not give what is needed to join this session. Try again, or tell the hub&apos;s coordinator.</source>
        <translation>El hub no dio lo necesario para unirse a esta sesión. Vuelva a intentarlo o avise al coordinador del hub.</translation>
    </message>
    <message>
        <source>The chair has muted you. Raise your hand to ask to speak.</source>
        <translation>El moderador lo silenció. Levante la mano para pedir la palabra.</translation>
    </message>
    <message>
        <source>The chair has let you speak. Unmute when you are ready.</source>
        <translation>El moderador le dio la palabra. Active el micrófono cuando esté listo.</translation>
    </message>
    <message>
        <source>%1 MB used this session</source>
        <translation>%1 MB usados en esta sesión</translation>
    </message>
    <message>
        <source>%1 kbit/s now</source>
        <translation>%1 kbit/s ahora</translation>
    </message>
    <message>
        <source>The session room did not accept this laptop&apos;s pass, even a fresh one from the hub. Tell the chair or the hub&apos;s coordinator.</source>
        <translation>La sala de sesión no aceptó el pase de esta computadora, ni siquiera uno nuevo del hub. Avise al moderador o al coordinador del hub.</translation>
    </message>
    <message>
        <source>The session room is protected and this laptop has no pass for it.</source>
        <translation>La sala de sesión está protegida y esta computadora no tiene un pase para entrar.</translation>
    </message>
    <message>
        <source>The hub&apos;s relay server for calls could not be found. Check your network connection and try again.</source>
        <translation>No se encontró el servidor de retransmisión de llamadas del hub. Verifique su conexión de red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The session&apos;s media server cannot be reached. Check your network connection and try again.</source>
        <translation>No se puede contactar al servidor de medios de la sesión. Verifique su conexión de red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The media server has no room for this session. The session may have ended; try again in a minute.</source>
        <translation>El servidor de medios no tiene sala para esta sesión. Puede que la sesión haya terminado; vuelva a intentarlo en un minuto.</translation>
    </message>
    <message>
        <source>%1 (%2 % lost)</source>
        <translation>%1 (%2 % perdido)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>spoke::ui::CaseEditorModel</name>
    <message>
        <source>Unsaved changes…</source>
        <translation>Cambios sin guardar…</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Todavía sin guardar</translation>
    </message>
    <message>
        <source>Saved %1 · revision %2</source>
        <translation>Guardado %1 · revisión %2</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>No hay ningún caso abierto.</translation>
    </message>
    <message>
        <source>Only a draft can be marked ready; this case is %1.</source>
        <translation>Solo un borrador se puede marcar como listo; este caso está en estado %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n possible identifier(s) must be redacted, or overridden with a reason, first.</source>
        <translation>
            <numerusform>Primero hay que ocultar %n posible identificador, o registrar una excepción con un motivo.</numerusform>
            <numerusform>Primero hay que ocultar %n posibles identificadores, o registrar excepciones con un motivo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need attention first: %1.</source>
        <translation>
            <numerusform>Primero hay que revisar %n campo: %1.</numerusform>
            <numerusform>Primero hay que revisar %n campos: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the latest changes…</source>
        <translation>Verificando los últimos cambios…</translation>
    </message>
    <message>
        <source>There is no form for the programme &quot;%1&quot;.</source>
        <translation>No hay formulario para el programa &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>New %1 case %2</source>
        <translation>Nuevo caso de %1 %2</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>No se puede importar este archivo: %1</translation>
    </message>
    <message>
        <source>This file cannot be imported: it names the programme &quot;%1&quot;, which has no form here.</source>
        <translation>No se puede importar este archivo: indica el programa &quot;%1&quot;, que no tiene formulario aquí.</translation>
    </message>
    <message>
        <source>Imported case %1</source>
        <translation>Caso importado %1</translation>
    </message>
    <message>
        <source>Case imported.</source>
        <translation>Caso importado.</translation>
    </message>
    <message>
        <source>This case can no longer be changed here.</source>
        <translation>Este caso ya no se puede modificar aquí.</translation>
    </message>
    <message>
        <source>That text has changed since it was checked; wait for the new check.</source>
        <translation>Ese texto cambió desde que se verificó; espere la nueva verificación.</translation>
    </message>
    <message>
        <source>Override logged.</source>
        <translation>Excepción registrada.</translation>
    </message>
    <message>
        <source>The case is ready to submit.</source>
        <translation>El caso está listo para enviar.</translation>
    </message>
    <message>
        <source>The case could not be written to %1: %2</source>
        <translation>No se pudo escribir el caso en %1: %2</translation>
    </message>
    <message>
        <source>Case saved to %1.</source>
        <translation>Caso guardado en %1.</translation>
    </message>
    <message>
        <source>Cleaning the attachment…</source>
        <translation>Depurando el adjunto…</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>No adjuntado: %1</translation>
    </message>
    <message>
        <source>Attached %1: cleaned of all metadata (location, time, camera).</source>
        <translation>Se adjuntó %1: se eliminaron todos sus metadatos (ubicación, hora, cámara).</translation>
    </message>
    <message>
        <source>This case is already with the hub.</source>
        <translation>Este caso ya está en el hub.</translation>
    </message>
    <message>
        <source>Mark the case ready first.</source>
        <translation>Primero marque el caso como listo.</translation>
    </message>
    <message>
        <source>Sign in to your hub first, in Settings → Hub account.</source>
        <translation>Primero ingrese a su hub, en Configuración → Cuenta del hub.</translation>
    </message>
    <message>
        <source>Submitted. The case is in the outbox and goes to the hub with the next sync; it can no longer be changed here unless the hub returns it.</source>
        <translation>Enviado. El caso está en la bandeja de salida y va al hub con la próxima sincronización; ya no se puede modificar aquí, salvo que el hub lo devuelva.</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>The case was not exported: %1</source>
        <translation>El caso no se exportó: %1</translation>
    </message>
    <message>
        <source>The case was not exported: the latest changes could not be saved.</source>
        <translation>El caso no se exportó: no se pudieron guardar los últimos cambios.</translation>
    </message>
    <message numerus="yes">
        <source>The case file was not written: %n possible identifier(s) must be redacted, or overridden with a reason, first. A PDF export replaces them by their redaction.</source>
        <translation>
            <numerusform>No se escribió el archivo del caso: primero hay que ocultar %n posible identificador, o registrar una excepción con un motivo. Una exportación a PDF lo reemplaza por su versión oculta.</numerusform>
            <numerusform>No se escribió el archivo del caso: primero hay que ocultar %n posibles identificadores, o registrar excepciones con un motivo. Una exportación a PDF los reemplaza por su versión oculta.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF saved to %1.</source>
        <translation>PDF guardado en %1.</translation>
    </message>
    <message numerus="yes">
        <source>PDF saved to %1. %n open finding(s) are replaced by their redaction in it.</source>
        <translation>
            <numerusform>PDF guardado en %1. En él, %n hallazgo pendiente se reemplaza por su versión oculta.</numerusform>
            <numerusform>PDF guardado en %1. En él, %n hallazgos pendientes se reemplazan por su versión oculta.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoke::ui::FormModel</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>%1, item %2</source>
        <translation>%1, elemento %2</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1, fila %2</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, fila %2: %3</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>spoke::ui::HubAccountModel</name>
    <message>
        <source>The hub address must start with https:// (or http:// on a local network).</source>
        <translation>La dirección del hub debe empezar con https:// (o http:// en una red local).</translation>
    </message>
    <message>
        <source>Enter the email address your hub account uses.</source>
        <translation>Escriba el correo electrónico de su cuenta del hub.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>Enter the invite code your coordinator sent you.</source>
        <translation>Escriba el código de invitación que le envió su coordinador.</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Escriba su correo electrónico.</translation>
    </message>
    <message>
        <source>Enter your name as colleagues should see it.</source>
        <translation>Escriba su nombre tal como deben verlo sus colegas.</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Ingresó a %1 como %2.</translation>
    </message>
    <message>
        <source>Signed out. Cases and sessions stay on this laptop.</source>
        <translation>Salió de la cuenta. Los casos y las sesiones quedan en esta computadora.</translation>
    </message>
    <message>
        <source>The hub no longer accepts this laptop&apos;s sign-in. Sign in again.</source>
        <translation>El hub ya no acepta el ingreso de esta computadora. Vuelva a ingresar.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::HubRecordingsModel</name>
    <message>
        <source>On this laptop: in Recordings</source>
        <translation>En esta computadora: en Grabaciones</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Sign in to a hub in Settings to see its recordings.</source>
        <translation>Ingrese a un hub en Configuración para ver sus grabaciones.</translation>
    </message>
    <message>
        <source>Asking the hub for its recordings…</source>
        <translation>Pidiendo al hub sus grabaciones…</translation>
    </message>
    <message>
        <source>The hub has no recordings for your programmes yet.</source>
        <translation>El hub todavía no tiene grabaciones para sus programas.</translation>
    </message>
    <message>
        <source>Full quality</source>
        <translation>Calidad completa</translation>
    </message>
    <message>
        <source>Light (360p video)</source>
        <translation>Liviana (video 360p)</translation>
    </message>
    <message>
        <source>Audio + slides</source>
        <translation>Audio + diapositivas</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Queued: starts after the download before it</source>
        <translation>En cola: empieza después de la descarga anterior</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Verificando el archivo…</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>En pausa: %1</translation>
    </message>
    <message>
        <source>Waiting: sign in to the hub again</source>
        <translation>En espera: vuelva a ingresar al hub</translation>
    </message>
    <message>
        <source>Waiting for the allowed hours</source>
        <translation>Esperando el horario permitido</translation>
    </message>
    <message>
        <source>Waiting for an allowed network</source>
        <translation>Esperando una red permitida</translation>
    </message>
    <message>
        <source>Waiting for a network</source>
        <translation>Esperando una red</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>The hub refused: your account may no longer see this recording</source>
        <translation>El hub lo rechazó: puede que su cuenta ya no tenga acceso a esta grabación</translation>
    </message>
    <message>
        <source>The hub no longer has this file (it may have been deleted)</source>
        <translation>El hub ya no tiene este archivo (puede que se haya borrado)</translation>
    </message>
    <message>
        <source>Could not reach the hub. Resume to try again.</source>
        <translation>No se pudo contactar al hub. Reanude para volver a intentarlo.</translation>
    </message>
    <message>
        <source>The hub&apos;s file does not match its catalogue. Refresh the list and try again.</source>
        <translation>El archivo del hub no coincide con su catálogo. Actualice la lista y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Could not write the file: is the disk full?</source>
        <translation>No se pudo escribir el archivo: ¿está lleno el disco?</translation>
    </message>
    <message>
        <source>The file arrived damaged and was deleted. Resume to download it again.</source>
        <translation>El archivo llegó dañado y se borró. Reanude para descargarlo de nuevo.</translation>
    </message>
    <message>
        <source>The download stopped.</source>
        <translation>La descarga se detuvo.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::LanguageModel</name>
    <message>
        <source>System default</source>
        <translation>La del sistema</translation>
    </message>
</context>
<context>
    <name>spoke::ui::LibraryModel</name>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>Could not import %1: %2</source>
        <translation>No se pudo importar %1: %2</translation>
    </message>
    <message>
        <source>%1 is already in the library.</source>
        <translation>%1 ya está en la biblioteca.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 (%2, %n chapter(s)).</source>
        <translation>
            <numerusform>Se importó %1 (%2, %n capítulo).</numerusform>
            <numerusform>Se importó %1 (%2, %n capítulos).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoke::ui::LiveCaseModel</name>
    <message>
        <source>No case is scheduled for this session.</source>
        <translation>No hay ningún caso programado para esta sesión.</translation>
    </message>
    <message>
        <source>The presenter&apos;s case appears here when the chair shows it.</source>
        <translation>El caso del presentador aparece aquí cuando el moderador lo muestra.</translation>
    </message>
    <message>
        <source>You are presenting: everyone&apos;s case panel follows the section you show.</source>
        <translation>Usted está presentando: el panel del caso de todos sigue la sección que usted muestra.</translation>
    </message>
    <message>
        <source>Reading on your own: %1 is presenting.</source>
        <translation>Leyendo por su cuenta: %1 está presentando.</translation>
    </message>
    <message>
        <source>Following %1, the presenter.</source>
        <translation>Siguiendo a %1, el presentador.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::LiveSessionModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>This session has no agenda.</source>
        <translation>Esta sesión no tiene agenda.</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>La sesión terminó.</translation>
    </message>
    <message numerus="yes">
        <source>Now: %1, %2 of %n min</source>
        <translation>
            <numerusform>Ahora: %1, %2 de %n min</numerusform>
            <numerusform>Ahora: %1, %2 de %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Not started yet.</source>
        <translation>Todavía no empezó.</translation>
    </message>
    <message>
        <source>The hub refused (409 Conflict): that item is no longer the next one, or the session is over. The agenda shows where the session stands now.</source>
        <translation>El hub lo rechazó (409 Conflict): ese punto ya no es el siguiente, o la sesión terminó. La agenda muestra en qué punto está la sesión ahora.</translation>
    </message>
    <message>
        <source>The hub refused (403): only the programme&apos;s specialists and coordinators may do this.</source>
        <translation>El hub lo rechazó (403): solo los especialistas y coordinadores del programa pueden hacer esto.</translation>
    </message>
    <message>
        <source>Not signed in to a hub: sign in under Settings → Hub account.</source>
        <translation>No ingresó a ningún hub: ingrese en Configuración → Cuenta del hub.</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Check the network and try again.</source>
        <translation>No se puede contactar al hub. Verifique la red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>this participant</source>
        <translation>este participante</translation>
    </message>
    <message>
        <source>%1 is muted for everyone. They still hear the session and can raise a hand.</source>
        <translation>%1 está silenciado para todos. Sigue escuchando la sesión y puede levantar la mano.</translation>
    </message>
    <message>
        <source>%1 may speak again.</source>
        <translation>%1 puede volver a hablar.</translation>
    </message>
    <message>
        <source>%1 was removed from the session and cannot join it again.</source>
        <translation>%1 fue quitado de la sesión y no puede volver a unirse.</translation>
    </message>
    <message>
        <source>%1 has no microphone in the call right now; nothing changed.</source>
        <translation>%1 no tiene micrófono en la llamada en este momento; no cambió nada.</translation>
    </message>
    <message>
        <source>The hub&apos;s media server did not answer; nothing changed. Try again.</source>
        <translation>El servidor de medios del hub no respondió; no cambió nada. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The session is over; nothing changed.</source>
        <translation>La sesión terminó; no cambió nada.</translation>
    </message>
    <message>
        <source>%1 removed %2 from the session.</source>
        <translation>%1 quitó a %2 de la sesión.</translation>
    </message>
    <message numerus="yes">
        <source>The hub has %n person(s) present with this device: %1</source>
        <translation>
            <numerusform>El hub registra %n persona presente con este dispositivo: %1</numerusform>
            <numerusform>El hub registra %n personas presentes con este dispositivo: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoke::ui::LiveSlidesModel</name>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>No slides open.</source>
        <translation>No hay diapositivas abiertas.</translation>
    </message>
    <message>
        <source>Opened on this laptop only: the others do not see these pages. Share the PDF if they should follow them.</source>
        <translation>Abierto solo en esta computadora: los demás no ven estas páginas. Comparta el PDF si deben seguirlas.</translation>
    </message>
    <message>
        <source>Paging on your own: the presenter is on page %1.</source>
        <translation>Pasando páginas por su cuenta: el presentador está en la página %1.</translation>
    </message>
    <message>
        <source>Following the presenter.</source>
        <translation>Siguiendo al presentador.</translation>
    </message>
    <message>
        <source>Following %1, the presenter.</source>
        <translation>Siguiendo a %1, el presentador.</translation>
    </message>
    <message>
        <source>Shared through the hub: everyone follows the page you show.</source>
        <translation>Compartido a través del hub: todos siguen la página que usted muestra.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>No se puede leer %1.</translation>
    </message>
    <message>
        <source>%1 is not a PDF file.</source>
        <translation>%1 no es un archivo PDF.</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Export it again without one.</source>
        <translation>%1 está protegido con contraseña. Vuelva a exportarlo sin contraseña.</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be shown.</source>
        <translation>%1 está dañado y no se puede mostrar.</translation>
    </message>
    <message>
        <source>%1 has no pages.</source>
        <translation>%1 no tiene páginas.</translation>
    </message>
    <message>
        <source>%1 has more than 300 pages.</source>
        <translation>%1 tiene más de 300 páginas.</translation>
    </message>
    <message>
        <source>%1 is larger than 50 MB.</source>
        <translation>%1 pesa más de 50 MB.</translation>
    </message>
    <message>
        <source>%1 could not be drawn.</source>
        <translation>No se pudo dibujar %1.</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
    </message>
    <message>
        <source>The presenter shares slides: looking up their size…</source>
        <translation>El presentador comparte diapositivas: consultando su tamaño…</translation>
    </message>
    <message>
        <source>Downloading the shared slides, once for this session…</source>
        <translation>Descargando las diapositivas compartidas, una sola vez para esta sesión…</translation>
    </message>
    <message>
        <source>Downloading the shared slides (%1), once for this session…</source>
        <translation>Descargando las diapositivas compartidas (%1), una sola vez para esta sesión…</translation>
    </message>
    <message>
        <source>you are not signed in to the hub.</source>
        <translation>no ingresó al hub.</translation>
    </message>
    <message>
        <source>The shared slides could not be downloaded: %1 They are tried again at the next page turn.</source>
        <translation>No se pudieron descargar las diapositivas compartidas: %1 Se vuelve a intentar en el próximo cambio de página.</translation>
    </message>
    <message>
        <source>Downloaded once: %1. Page turns are a few bytes each.</source>
        <translation>Descargadas una vez: %1. Cada cambio de página ocupa unos pocos bytes.</translation>
    </message>
    <message>
        <source>Already on this laptop: nothing downloaded.</source>
        <translation>Ya están en esta computadora: no se descargó nada.</translation>
    </message>
    <message>
        <source>Shared slides</source>
        <translation>Diapositivas compartidas</translation>
    </message>
    <message>
        <source>Not shared: a deck is still on its way.</source>
        <translation>No compartido: todavía se está transfiriendo una presentación.</translation>
    </message>
    <message>
        <source>Not shared: join a live session from the hub&apos;s schedule first.</source>
        <translation>No compartido: primero únase a una sesión en vivo desde el calendario del hub.</translation>
    </message>
    <message>
        <source>Sharing %1…</source>
        <translation>Compartiendo %1…</translation>
    </message>
    <message>
        <source>%1 is larger than the hub&apos;s limit of 64 MB.</source>
        <translation>%1 supera el límite del hub de 64 MB.</translation>
    </message>
    <message>
        <source>Not shared: %1</source>
        <translation>No compartido: %1</translation>
    </message>
    <message>
        <source>Uploaded once: %1. Each page turn sends a few bytes.</source>
        <translation>Subido una vez: %1. Cada cambio de página envía unos pocos bytes.</translation>
    </message>
    <message>
        <source>Page %1 did not reach the others: %2</source>
        <translation>La página %1 no llegó a los demás: %2</translation>
    </message>
    <message>
        <source>the hub says it is not a PDF file.</source>
        <translation>el hub indica que no es un archivo PDF.</translation>
    </message>
    <message>
        <source>the hub cannot open this PDF: it is protected by a password, damaged or empty.</source>
        <translation>el hub no puede abrir este PDF: está protegido con contraseña, dañado o vacío.</translation>
    </message>
    <message>
        <source>it is over the hub&apos;s limit of 64 MB or 300 pages.</source>
        <translation>supera el límite del hub de 64 MB o 300 páginas.</translation>
    </message>
    <message>
        <source>the hub cannot be reached. Check the connection and try again.</source>
        <translation>no se puede contactar al hub. Verifique la conexión y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>you are not a member of this session&apos;s programme.</source>
        <translation>usted no es miembro del programa de esta sesión.</translation>
    </message>
    <message>
        <source>the hub does not have this session or deck.</source>
        <translation>el hub no tiene esta sesión o presentación.</translation>
    </message>
    <message>
        <source>the hub cannot store slides right now.</source>
        <translation>el hub no puede guardar diapositivas en este momento.</translation>
    </message>
    <message>
        <source>this laptop could not keep the slides (is the disk full?).</source>
        <translation>esta computadora no pudo guardar las diapositivas (¿está lleno el disco?).</translation>
    </message>
    <message>
        <source>the hub answered with an error (HTTP %1).</source>
        <translation>el hub respondió con un error (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>spoke::ui::LockModel</name>
    <message>
        <source>A PIN needs at least %1 digits.</source>
        <translation>Un PIN necesita al menos %1 dígitos.</translation>
    </message>
    <message>
        <source>A PIN has at most %1 digits.</source>
        <translation>Un PIN tiene como máximo %1 dígitos.</translation>
    </message>
    <message>
        <source>A PIN is digits only (0 to 9).</source>
        <translation>Un PIN tiene solo dígitos (0 a 9).</translation>
    </message>
    <message>
        <source>One digit repeated (like 0000) is among the first PINs anyone tries. Choose another.</source>
        <translation>Un mismo dígito repetido (como 0000) está entre los primeros PIN que cualquiera prueba. Elija otro.</translation>
    </message>
    <message>
        <source>A run of digits (like 1234 or 9876) is among the first PINs anyone tries. Choose another.</source>
        <translation>Una serie de dígitos consecutivos (como 1234 o 9876) está entre los primeros PIN que cualquiera prueba. Elija otro.</translation>
    </message>
    <message>
        <source>A repeated block (like 1212) is among the first PINs anyone tries. Choose another.</source>
        <translation>Un bloque repetido (como 1212) está entre los primeros PIN que cualquiera prueba. Elija otro.</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minuto</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 minutos</translation>
    </message>
    <message>
        <source>Try again in %1 s</source>
        <translation>Vuelva a intentarlo en %1 s</translation>
    </message>
    <message>
        <source>Try again in %1 min %2 s</source>
        <translation>Vuelva a intentarlo en %1 min %2 s</translation>
    </message>
    <message>
        <source>Spoke cannot read its app-lock file, so this profile stays locked. Whoever looks after this laptop can remove the file to start again: %1</source>
        <translation>Spoke no puede leer su archivo de bloqueo, así que este perfil sigue bloqueado. Quien se encarga de esta computadora puede borrar el archivo para empezar de nuevo: %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Wrong PIN. After too many wrong PINs, Spoke makes you wait before the next try.</source>
        <translation>PIN incorrecto. Después de demasiados PIN incorrectos, Spoke lo hace esperar antes del próximo intento.</translation>
    </message>
    <message>
        <source>Wrong PIN. One more wrong PIN and Spoke makes you wait before the next try.</source>
        <translation>PIN incorrecto. Con un PIN incorrecto más, Spoke lo hará esperar antes del próximo intento.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 more wrong PINs and Spoke makes you wait before the next try.</source>
        <translation>PIN incorrecto. Con %1 PIN incorrectos más, Spoke lo hará esperar antes del próximo intento.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN incorrecto.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: wait before the next try.</source>
        <translation>Demasiados PIN incorrectos: espere antes del próximo intento.</translation>
    </message>
    <message>
        <source>Spoke could not check or keep the PIN: %1</source>
        <translation>Spoke no pudo verificar ni guardar el PIN: %1</translation>
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation>Los dos PIN nuevos no coinciden.</translation>
    </message>
    <message>
        <source>The current PIN is wrong.</source>
        <translation>El PIN actual es incorrecto.</translation>
    </message>
    <message>
        <source>PIN changed.</source>
        <translation>PIN cambiado.</translation>
    </message>
    <message>
        <source>PIN set. Spoke now locks when it starts, after %1 without input, and with Lock now (Ctrl+L).</source>
        <translation>PIN configurado. Ahora Spoke se bloquea al iniciar, después de %1 sin actividad y con Bloquear ahora (Ctrl+L).</translation>
    </message>
    <message>
        <source>PIN removed. Spoke no longer locks.</source>
        <translation>PIN quitado. Spoke ya no se bloquea.</translation>
    </message>
    <message>
        <source>Spoke no longer locks when idle. It still locks when it starts and with Lock now.</source>
        <translation>Spoke ya no se bloquea por inactividad. Sigue bloqueándose al iniciar y con Bloquear ahora.</translation>
    </message>
    <message>
        <source>Spoke now locks after %1 without input.</source>
        <translation>Ahora Spoke se bloquea después de %1 sin actividad.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::MediaSettingsModel</name>
    <message>
        <source>The microphone was changed while recording. Try again.</source>
        <translation>Se cambió el micrófono durante la grabación. Vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>No microphone is chosen, so others will not hear you. Plug one in, or pick the test tone to try Spoke.</source>
        <translation>No hay ningún micrófono elegido, así que los demás no lo oirán. Conecte uno, o elija el tono de prueba para probar Spoke.</translation>
    </message>
    <message>
        <source>Choose a microphone first.</source>
        <translation>Primero elija un micrófono.</translation>
    </message>
    <message>
        <source>Open Settings → Audio &amp; video to test your audio.</source>
        <translation>Abra Configuración → Audio &amp; video para probar su audio.</translation>
    </message>
    <message numerus="yes">
        <source>Records %n seconds and plays them back.</source>
        <translation>
            <numerusform>Graba %n segundo y lo reproduce.</numerusform>
            <numerusform>Graba %n segundos y los reproduce.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recording… %n s left. Say something.</source>
        <translation>
            <numerusform>Grabando… queda %n s. Diga algo.</numerusform>
            <numerusform>Grabando… quedan %n s. Diga algo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Playing back…</source>
        <translation>Reproduciendo…</translation>
    </message>
    <message>
        <source>Done. Did you hear yourself clearly?</source>
        <translation>Listo. ¿Se escuchó con claridad?</translation>
    </message>
    <message>
        <source>Recorded %1 s, but playback failed.</source>
        <translation>Se grabaron %1 s, pero falló la reproducción.</translation>
    </message>
    <message>
        <source>The test could not run.</source>
        <translation>No se pudo hacer la prueba.</translation>
    </message>
    <message>
        <source>No microphone was found. Connect a microphone or a headset.</source>
        <translation>No se encontró ningún micrófono. Conecte un micrófono o unos auriculares.</translation>
    </message>
    <message>
        <source>The microphone could not be opened: %1. No sound is being picked up.</source>
        <translation>No se pudo abrir el micrófono: %1. No se capta ningún sonido.</translation>
    </message>
    <message>
        <source>The microphone stopped: %1.</source>
        <translation>El micrófono se detuvo: %1.</translation>
    </message>
    <message>
        <source>Audio processing failed: %1</source>
        <translation>Falló el procesamiento de audio: %1</translation>
    </message>
    <message>
        <source>No speaker is chosen, so the recording cannot be played back. Connect speakers or a headset, then choose them above.</source>
        <translation>No hay ningún parlante elegido, así que no se puede reproducir la grabación. Conecte parlantes o auriculares y elíjalos arriba.</translation>
    </message>
    <message>
        <source>The recording could not be played back: %1</source>
        <translation>No se pudo reproducir la grabación: %1</translation>
    </message>
    <message>
        <source>Playback stopped: %1</source>
        <translation>La reproducción se detuvo: %1</translation>
    </message>
</context>
<context>
    <name>spoke::ui::PlayerModel</name>
    <message>
        <source>No sound output</source>
        <translation>Sin salida de sonido</translation>
    </message>
    <message>
        <source>Sound on %1</source>
        <translation>Sonido en %1</translation>
    </message>
    <message>
        <source>No sound output: %1</source>
        <translation>Sin salida de sonido: %1</translation>
    </message>
    <message>
        <source>This recording is no longer in the cache.</source>
        <translation>Esta grabación ya no está en la caché.</translation>
    </message>
    <message>
        <source>Case %1: %2</source>
        <translation>Caso %1: %2</translation>
    </message>
    <message>
        <source>This recording is not on this laptop. Its chapters, notes and chat are shown below.</source>
        <translation>Esta grabación no está en esta computadora. Sus capítulos, notas y chat se muestran abajo.</translation>
    </message>
    <message>
        <source>The file of this recording is missing: %1. Its chapters, notes and chat are shown below.</source>
        <translation>Falta el archivo de esta grabación: %1. Sus capítulos, notas y chat se muestran abajo.</translation>
    </message>
    <message>
        <source>This recording cannot be played: %1</source>
        <translation>No se puede reproducir esta grabación: %1</translation>
    </message>
    <message>
        <source>This file is damaged or cut short: it plays until %1. %2</source>
        <translation>Este archivo está dañado o incompleto: se reproduce hasta %1. %2</translation>
    </message>
    <message>
        <source>The slides of this recording are not on this laptop.</source>
        <translation>Las diapositivas de esta grabación no están en esta computadora.</translation>
    </message>
    <message>
        <source>Slide %1</source>
        <translation>Diapositiva %1</translation>
    </message>
    <message>
        <source>Slide %1 of %2</source>
        <translation>Diapositiva %1 de %2</translation>
    </message>
    <message>
        <source>Slide %1 of %2 · %3</source>
        <translation>Diapositiva %1 de %2 · %3</translation>
    </message>
    <message>
        <source>Hand raised: %1</source>
        <translation>Mano levantada: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>spoke::ui::ReviewModel</name>
    <message>
        <source>Write the question the presenter should answer.</source>
        <translation>Escriba la pregunta que debe responder el presentador.</translation>
    </message>
    <message>
        <source>Recommendation for %1 queued; it goes to the hub with the next sync.</source>
        <translation>Recomendación para %1 en cola; va al hub con la próxima sincronización.</translation>
    </message>
    <message>
        <source>%1 queued to go back to its presenter with your question.</source>
        <translation>%1 en cola para volver a su presentador con su pregunta.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::ScreenShareModel</name>
    <message>
        <source>Screen sharing is unavailable: this computer has no X display to capture.</source>
        <translation>No se puede compartir la pantalla: esta computadora no tiene una pantalla X para capturar.</translation>
    </message>
    <message>
        <source>Screen sharing is unavailable in a Wayland session: Spoke captures the screen through X11 only. Log in with an X11 session (&quot;GNOME on Xorg&quot;) to share it, or share your slides as a PDF.</source>
        <translation>No se puede compartir la pantalla en una sesión Wayland: Spoke captura la pantalla solo a través de X11. Inicie una sesión X11 (&quot;GNOME on Xorg&quot;) para compartirla, o comparta sus diapositivas como PDF.</translation>
    </message>
    <message>
        <source>Screen sharing is unavailable: the X display %1 does not answer.</source>
        <translation>No se puede compartir la pantalla: la pantalla X %1 no responde.</translation>
    </message>
    <message>
        <source>Screen %1</source>
        <translation>Pantalla %1</translation>
    </message>
    <message>
        <source>Your whole screen</source>
        <translation>Toda la pantalla</translation>
    </message>
    <message>
        <source>Everything on it, %1 × %2</source>
        <translation>Todo lo que hay en ella, %1 × %2</translation>
    </message>
    <message>
        <source>One window, %1 × %2</source>
        <translation>Una ventana, %1 × %2</translation>
    </message>
    <message>
        <source>Sharing %1. Everyone sees it as a tile of its own.</source>
        <translation>Compartiendo %1. Todos la ven en un recuadro propio.</translation>
    </message>
    <message>
        <source>Screen sharing stopped: it could not be captured or sent (%1).</source>
        <translation>Se dejó de compartir la pantalla: no se pudo capturar ni enviar (%1).</translation>
    </message>
    <message>
        <source>Join the call first, then share your screen.</source>
        <translation>Primero únase a la llamada y luego comparta su pantalla.</translation>
    </message>
    <message>
        <source>Starting to share %1…</source>
        <translation>Comenzando a compartir %1…</translation>
    </message>
</context>
</TS>
