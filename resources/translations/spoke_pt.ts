<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt">
<context>
    <name>ArrivalNotice</name>
    <message>
        <source>Open the case</source>
        <translation>Abrir o caso</translation>
    </message>
    <message>
        <source>Open the case with the new recommendations</source>
        <translation>Abrir o caso com as novas recomendações</translation>
    </message>
    <message>
        <source>Dismiss the notice</source>
        <translation>Fechar o aviso</translation>
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
        <translation>Chamadas e gravações usam estes dispositivos. O padrão de teste e o tom de teste são integrados, para experimentar o Spoke sem câmera nem microfone.</translation>
    </message>
    <message>
        <source>Looking for cameras, microphones and speakers…</source>
        <translation>Procurando câmeras, microfones e alto-falantes…</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Câmera</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>Nenhuma câmera encontrada</translation>
    </message>
    <message>
        <source>No camera chosen</source>
        <translation>Nenhuma câmera escolhida</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microfone</translation>
    </message>
    <message>
        <source>No microphone found</source>
        <translation>Nenhum microfone encontrado</translation>
    </message>
    <message>
        <source>No microphone chosen</source>
        <translation>Nenhum microfone escolhido</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Alto-falante</translation>
    </message>
    <message>
        <source>No speaker found</source>
        <translation>Nenhum alto-falante encontrado</translation>
    </message>
    <message>
        <source>No speaker chosen</source>
        <translation>Nenhum alto-falante escolhido</translation>
    </message>
    <message>
        <source>Look for devices again</source>
        <translation>Procurar dispositivos de novo</translation>
    </message>
    <message>
        <source>After plugging in a camera or a headset</source>
        <translation>Depois de ligar uma câmera ou um headset</translation>
    </message>
    <message>
        <source>Sound clean-up</source>
        <translation>Limpeza do som</translation>
    </message>
    <message>
        <source>Turn these off only if your headset already does the same work.</source>
        <translation>Desligue estas opções só se o seu headset já fizer o mesmo trabalho.</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>Cancelamento de eco</translation>
    </message>
    <message>
        <source>Noise suppression</source>
        <translation>Supressão de ruído</translation>
    </message>
    <message>
        <source>Automatic gain</source>
        <translation>Ganho automático</translation>
    </message>
    <message>
        <source>Camera preview</source>
        <translation>Pré-visualização da câmera</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Iniciando a câmera…</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Mostrando: %1</translation>
    </message>
    <message>
        <source>Microphone level</source>
        <translation>Nível do microfone</translation>
    </message>
    <message>
        <source>Level %1 dBFS, peak %2 dBFS</source>
        <translation>Nível %1 dBFS, pico %2 dBFS</translation>
    </message>
    <message>
        <source>No sound is being picked up.</source>
        <translation>Nenhum som está sendo captado.</translation>
    </message>
    <message>
        <source>Test my audio</source>
        <translation>Testar o meu áudio</translation>
    </message>
</context>
<context>
    <name>CallControls</name>
    <message>
        <source>Unmute</source>
        <translation>Ligar microfone</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Ctrl+D or M</source>
        <translation>Ctrl+D ou M</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>Desligar câmera</translation>
    </message>
    <message>
        <source>Start camera</source>
        <translation>Ligar câmera</translation>
    </message>
    <message>
        <source>Ctrl+E or V</source>
        <translation>Ctrl+E ou V</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Muted by the chair</source>
        <translation>Silenciado pelo moderador</translation>
    </message>
    <message>
        <source>The chair has muted you; raise your hand to ask to speak</source>
        <translation>O moderador desligou o seu microfone; levante a mão para pedir a palavra</translation>
    </message>
    <message>
        <source>Lower hand</source>
        <translation>Baixar a mão</translation>
    </message>
    <message>
        <source>Raise hand</source>
        <translation>Levantar a mão</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Parar de compartilhar</translation>
    </message>
    <message>
        <source>Share screen</source>
        <translation>Compartilhar tela</translation>
    </message>
    <message>
        <source>Show your screen or one window to everyone (Ctrl+Shift+S)</source>
        <translation>Mostrar a sua tela ou uma janela a todos (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>Só áudio</translation>
    </message>
    <message>
        <source>Send and receive no video (Ctrl+Shift+A)</source>
        <translation>Não enviar nem receber vídeo (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Don&apos;t receive video</source>
        <translation>Não receber vídeo</translation>
    </message>
    <message>
        <source>The others&apos; video stays on the server; yours is sent as the camera says (Ctrl+Shift+R)</source>
        <translation>O vídeo dos outros fica no servidor; o seu é enviado conforme a câmera (Ctrl+Shift+R)</translation>
    </message>
</context>
<context>
    <name>CallEventText</name>
    <message>
        <source>No speaker is chosen: you will not hear the others.</source>
        <translation>Nenhum alto-falante escolhido: você não vai ouvir os outros.</translation>
    </message>
    <message>
        <source>No speaker is available: you will not hear the others.</source>
        <translation>Nenhum alto-falante disponível: você não vai ouvir os outros.</translation>
    </message>
    <message>
        <source>The speaker could not be used (%1): you will not hear the others.</source>
        <translation>Não foi possível usar o alto-falante (%1): você não vai ouvir os outros.</translation>
    </message>
    <message>
        <source>The speaker stopped working (%1); the others can no longer be heard.</source>
        <translation>O alto-falante deixou de funcionar (%1); já não é possível ouvir os outros.</translation>
    </message>
    <message>
        <source>The camera could not be used (%1); sending the test pattern.</source>
        <translation>Não foi possível usar a câmera (%1); enviando o padrão de teste.</translation>
    </message>
    <message>
        <source>The screen could not be used (%1); sending the test pattern.</source>
        <translation>Não foi possível usar a tela (%1); enviando o padrão de teste.</translation>
    </message>
    <message>
        <source>The microphone could not be used (%1); you are muted.</source>
        <translation>Não foi possível usar o microfone (%1); você está silenciado.</translation>
    </message>
    <message>
        <source>The session room is protected and this laptop has no pass for it.</source>
        <translation>A sala da sessão está protegida e este computador não tem passe para ela.</translation>
    </message>
    <message>
        <source>The session room %1 does not exist on the server. The session may have ended, or the address may be out of date.</source>
        <translation>A sala da sessão %1 não existe no servidor. A sessão pode ter terminado ou o endereço pode estar desatualizado.</translation>
    </message>
    <message>
        <source>The session room %1 is full: it takes no more participants.</source>
        <translation>A sala da sessão %1 está cheia: não aceita mais participantes.</translation>
    </message>
    <message>
        <source>This laptop is already in session room %1, perhaps in another window.</source>
        <translation>Este computador já está na sala da sessão %1, talvez em outra janela.</translation>
    </message>
    <message>
        <source>The server did not let us into session room %1.</source>
        <translation>O servidor não nos deixou entrar na sala da sessão %1.</translation>
    </message>
    <message>
        <source>The connection to the session was lost and could not be restored.</source>
        <translation>A conexão com a sessão foi perdida e não pôde ser restabelecida.</translation>
    </message>
    <message>
        <source>The session server does not offer video rooms (%1). Ask your hub whether the session address is right.</source>
        <translation>O servidor da sessão não oferece salas de vídeo (%1). Pergunte ao seu hub se o endereço da sessão está correto.</translation>
    </message>
    <message>
        <source>The call&apos;s network connection could not be set up (%1).</source>
        <translation>Não foi possível estabelecer a conexão de rede da chamada (%1).</translation>
    </message>
    <message>
        <source>The session server did not accept this laptop&apos;s picture and sound (%1).</source>
        <translation>O servidor da sessão não aceitou a imagem e o som deste computador (%1).</translation>
    </message>
    <message>
        <source>The session server&apos;s answer could not be used (%1).</source>
        <translation>Não foi possível usar a resposta do servidor da sessão (%1).</translation>
    </message>
    <message>
        <source>The session server at %1 cannot be reached. Check your network connection, or ask your hub whether the session address is right.</source>
        <translation>Não é possível contatar o servidor da sessão %1. Verifique sua conexão de rede ou pergunte ao seu hub se o endereço da sessão está correto.</translation>
    </message>
    <message>
        <source>The hub&apos;s relay server for calls could not be found. Check your network connection and try again.</source>
        <translation>O servidor de retransmissão do hub para as chamadas não foi encontrado. Verifique sua conexão de rede e tente novamente.</translation>
    </message>
</context>
<context>
    <name>CallPage</name>
    <message>
        <source>Call status: %1</source>
        <translation>Estado da chamada: %1</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Conexão: %1</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Conectando</translation>
    </message>
    <message>
        <source>Connecting to the session…</source>
        <translation>Conectando à sessão…</translation>
    </message>
    <message>
        <source>Join again</source>
        <translation>Entrar de novo</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Back to Spoke</source>
        <translation>Voltar ao Spoke</translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation>Detalhes da conexão</translation>
    </message>
    <message>
        <source>Leave the session?</source>
        <translation>Sair da sessão?</translation>
    </message>
    <message>
        <source>The others will see that you left. You can join again while the session runs.</source>
        <translation>Os outros verão que você saiu. Pode entrar de novo enquanto a sessão durar.</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Ficar</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Sair</translation>
    </message>
</context>
<context>
    <name>CallQuality</name>
    <message>
        <source>Everything within normal limits</source>
        <translation>Tudo dentro dos limites normais</translation>
    </message>
    <message>
        <source>%1 % of packets lost</source>
        <translation>%1 % de pacotes perdidos</translation>
    </message>
    <message>
        <source>%1 ms delay</source>
        <translation>%1 ms de atraso</translation>
    </message>
    <message numerus="yes">
        <source>%n picture freeze(s) in %1 s</source>
        <translation>
            <numerusform>%n congelamento de imagem em %1 s</numerusform>
            <numerusform>%n congelamentos de imagem em %1 s</numerusform>
        </translation>
    </message>
    <message>
        <source>sending only %1 kbit/s</source>
        <translation>enviando só %1 kbit/s</translation>
    </message>
</context>
<context>
    <name>CallTile</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (você)</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>silenciado</translation>
    </message>
    <message>
        <source>speaking</source>
        <translation>falando</translation>
    </message>
    <message>
        <source>camera off</source>
        <translation>câmera desligada</translation>
    </message>
    <message>
        <source>Waiting for video…</source>
        <translation>Aguardando o vídeo…</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Câmera desligada</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenciado</translation>
    </message>
    <message>
        <source>%1&apos;s screen</source>
        <translation>Tela de %1</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>Só áudio</translation>
    </message>
    <message>
        <source>Video not received</source>
        <translation>Vídeo não recebido</translation>
    </message>
    <message>
        <source>No new picture</source>
        <translation>Sem imagem nova</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Tela</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <source>The test pattern could not start either: %1</source>
        <translation>O padrão de teste também não pôde iniciar: %1</translation>
    </message>
    <message>
        <source>Showing the test pattern instead.</source>
        <translation>Mostrando o padrão de teste.</translation>
    </message>
    <message>
        <source>No camera was found.</source>
        <translation>Nenhuma câmera foi encontrada.</translation>
    </message>
    <message>
        <source>The camera could not be opened: %1.</source>
        <translation>Não foi possível abrir a câmera: %1.</translation>
    </message>
    <message>
        <source>The camera stopped: %1.</source>
        <translation>A câmera parou: %1.</translation>
    </message>
</context>
<context>
    <name>CaseEditorFindings</name>
    <message>
        <source>Identifier check</source>
        <translation>Verificação de identificadores</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Verificando…</translation>
    </message>
    <message>
        <source>No possible identifiers found.</source>
        <translation>Nenhum possível identificador encontrado.</translation>
    </message>
    <message numerus="yes">
        <source>%n possible identifier(s) to resolve before the case can be marked ready.</source>
        <translation>
            <numerusform>%n possível identificador a resolver antes de marcar o caso como pronto.</numerusform>
            <numerusform>%n possíveis identificadores a resolver antes de marcar o caso como pronto.</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible identifier: %1</source>
        <translation>Possível identificador: %1</translation>
    </message>
    <message>
        <source>Redact as %1</source>
        <translation>Ocultar como %1</translation>
    </message>
    <message>
        <source>Replace %1 by %2</source>
        <translation>Substituir %1 por %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Not an identifier…</source>
        <translation>Não é identificador…</translation>
    </message>
    <message>
        <source>Cancel the override</source>
        <translation>Cancelar a exceção</translation>
    </message>
    <message>
        <source>Mark %1 as not an identifier</source>
        <translation>Marcar %1 como não identificador</translation>
    </message>
    <message>
        <source>Why is this not an identifier?</source>
        <translation>Por que isto não é um identificador?</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Motivo da exceção</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>O seu nome</translation>
    </message>
    <message>
        <source>Your name, logged with the override</source>
        <translation>O seu nome, registrado com a exceção</translation>
    </message>
    <message>
        <source>Log override</source>
        <translation>Registrar exceção</translation>
    </message>
    <message>
        <source>Log the override with this reason</source>
        <translation>Registrar a exceção com este motivo</translation>
    </message>
    <message>
        <source>Overrides logged</source>
        <translation>Exceções registradas</translation>
    </message>
    <message>
        <source>%1 in %2: “%3” — %4, %5</source>
        <translation>%1 em %2: “%3” — %4, %5</translation>
    </message>
    <message>
        <source>Suggestion: %1</source>
        <translation>Sugestão: %1</translation>
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
        <translation>Exportar o caso desidentificado em PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Arquivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the case as an echo-case/1.0 file</source>
        <translation>Exportar o caso como arquivo echo-case/1.0</translation>
    </message>
    <message>
        <source>Case files (*.json)</source>
        <translation>Arquivos de caso (*.json)</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Save now</source>
        <translation>Guardar agora</translation>
    </message>
    <message>
        <source>Save now (Ctrl+S)</source>
        <translation>Guardar agora (Ctrl+S)</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportar PDF…</translation>
    </message>
    <message>
        <source>Export file…</source>
        <translation>Exportar arquivo…</translation>
    </message>
    <message>
        <source>Export the case as an echo-case/1.0 JSON file</source>
        <translation>Exportar o caso como arquivo JSON echo-case/1.0</translation>
    </message>
    <message>
        <source>Mark ready</source>
        <translation>Marcar como pronto</translation>
    </message>
    <message>
        <source>The case passed the identifier check</source>
        <translation>O caso passou na verificação de identificadores</translation>
    </message>
    <message>
        <source>Not ready yet: %1</source>
        <translation>Ainda não está pronto: %1</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Fechar a mensagem</translation>
    </message>
    <message>
        <source>Loading the case</source>
        <translation>Carregando o caso</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Submit to the hub</source>
        <translation>Enviar ao hub</translation>
    </message>
    <message>
        <source>Sends the case now, or as soon as the hub can be reached</source>
        <translation>Envia o caso agora, ou assim que o hub estiver acessível</translation>
    </message>
</context>
<context>
    <name>CaseHubPanel</name>
    <message>
        <source>Returned by the hub with a question</source>
        <translation>Devolvido pelo hub com uma pergunta</translation>
    </message>
    <message>
        <source>The hub asks: %1</source>
        <translation>O hub pergunta: %1</translation>
    </message>
    <message>
        <source>Answer it in the case, mark it ready again and submit it.</source>
        <translation>Responda no caso, marque-o de novo como pronto e envie-o.</translation>
    </message>
    <message>
        <source>The hub refused this case: %1</source>
        <translation>O hub recusou este caso: %1</translation>
    </message>
    <message>
        <source>Recommendations from the hub</source>
        <translation>Recomendações do hub</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Recommendation by %1: %2</source>
        <translation>Recomendação de %1: %2</translation>
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
        <translation>Importar um arquivo echo-case/1.0</translation>
    </message>
    <message>
        <source>Case files (*.json)</source>
        <translation>Arquivos de caso (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Programme of the new case</source>
        <translation>Programa do novo caso</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Novo caso</translation>
    </message>
    <message>
        <source>New case (Ctrl+N)</source>
        <translation>Novo caso (Ctrl+N)</translation>
    </message>
    <message>
        <source>Import case file…</source>
        <translation>Importar arquivo de caso…</translation>
    </message>
    <message>
        <source>Import an echo-case/1.0 file (Ctrl+O)</source>
        <translation>Importar um arquivo echo-case/1.0 (Ctrl+O)</translation>
    </message>
    <message>
        <source>Cases are checked for patient identifiers on this laptop before they are submitted.</source>
        <translation>Os casos são verificados neste computador quanto a identificadores do paciente antes de serem enviados.</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>atualizado %1</translation>
    </message>
    <message>
        <source>the hub asks: %1</source>
        <translation>o hub pergunta: %1</translation>
    </message>
    <message>
        <source>The hub asks: %1</source>
        <translation>O hub pergunta: %1</translation>
    </message>
</context>
<context>
    <name>DetailPage</name>
    <message>
        <source>Loading</source>
        <translation>Carregando</translation>
    </message>
    <message>
        <source>Open in the case editor</source>
        <translation>Abrir no editor de casos</translation>
    </message>
    <message>
        <source>Join the live session</source>
        <translation>Entrar na sessão ao vivo</translation>
    </message>
    <message>
        <source>Open in the player</source>
        <translation>Abrir no reprodutor</translation>
    </message>
</context>
<context>
    <name>DownloadSettings</name>
    <message>
        <source>Download speed</source>
        <translation>Velocidade de transferência</translation>
    </message>
    <message>
        <source>Limit the download speed to</source>
        <translation>Limitar a velocidade de transferência a</translation>
    </message>
    <message>
        <source>Limit the download speed</source>
        <translation>Limitar a velocidade de transferência</translation>
    </message>
    <message>
        <source>Download speed limit in kilobits per second</source>
        <translation>Limite de velocidade de transferência em kilobits por segundo</translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation>kbit/s</translation>
    </message>
    <message>
        <source>Off by default. A limit leaves room on a shared clinic link for calls; 512 kbit/s brings a one-hour light recording (about 120 MB) in about half an hour.</source>
        <translation>Inicialmente desligado. Um limite deixa espaço para chamadas na conexão compartilhada da clínica; a 512 kbit/s, uma gravação leve de uma hora (cerca de 120 MB) chega em cerca de meia hora.</translation>
    </message>
    <message>
        <source>Allowed hours</source>
        <translation>Horário permitido</translation>
    </message>
    <message>
        <source>Download only from</source>
        <translation>Transferir só das</translation>
    </message>
    <message>
        <source>Download only during chosen hours</source>
        <translation>Transferir só no horário escolhido</translation>
    </message>
    <message>
        <source>From hour</source>
        <translation>Hora de início</translation>
    </message>
    <message>
        <source>to</source>
        <translation>às</translation>
    </message>
    <message>
        <source>To hour</source>
        <translation>Hora de fim</translation>
    </message>
    <message>
        <source>Local time. From 22:00 to 06:00 goes past midnight. Outside these hours a download waits and goes on by itself.</source>
        <translation>Hora local. Das 22:00 às 06:00 passa da meia-noite. Fora deste horário, a transferência espera e continua sozinha.</translation>
    </message>
    <message>
        <source>Allowed networks</source>
        <translation>Redes permitidas</translation>
    </message>
    <message>
        <source>Network connections</source>
        <translation>Conexões de rede</translation>
    </message>
    <message>
        <source>any network</source>
        <translation>qualquer rede</translation>
    </message>
    <message>
        <source>Allowed network connections, separated by commas; empty for any</source>
        <translation>Conexões de rede permitidas, separadas por vírgulas; vazio para qualquer uma</translation>
    </message>
    <message>
        <source>Names of network connections as the system calls them (e.g. eth0, wlan0), separated by commas. Empty: any. This laptop goes out through: %1.</source>
        <translation>Nomes das conexões de rede como o sistema as chama (p. ex. eth0, wlan0), separados por vírgulas. Vazio: qualquer uma. Este computador sai por: %1.</translation>
    </message>
    <message>
        <source>no network</source>
        <translation>sem rede</translation>
    </message>
    <message>
        <source>Spoke tells connections apart by the device they use, not by the Wi-Fi network&apos;s name: two Wi-Fi networks on the same card look the same. A phone shared by USB or a mobile modem shows as its own connection.</source>
        <translation>O Spoke distingue as conexões pelo dispositivo que usam, não pelo nome da rede Wi-Fi: duas redes Wi-Fi na mesma placa parecem iguais. Um celular compartilhado por USB ou um modem móvel aparece como conexão própria.</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>days from the presentation (0 = presentation, negative = before)</source>
        <translation>dias a partir da apresentação (0 = apresentação, negativo = antes)</translation>
    </message>
    <message>
        <source>Choose the country first</source>
        <translation>Escolha primeiro o país</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Não registrado</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
</context>
<context>
    <name>FormFindings</name>
    <message>
        <source>Possible identifier: %1</source>
        <translation>Possível identificador: %1</translation>
    </message>
    <message>
        <source>Redact as %1</source>
        <translation>Ocultar como %1</translation>
    </message>
    <message>
        <source>Replace %1 by %2</source>
        <translation>Substituir %1 por %2</translation>
    </message>
</context>
<context>
    <name>FormTable</name>
    <message>
        <source>No attachments.</source>
        <translation>Sem anexos.</translation>
    </message>
    <message>
        <source>No rows yet.</source>
        <translation>Ainda sem linhas.</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, linha %2: %3</translation>
    </message>
    <message>
        <source>day, e.g. -14</source>
        <translation>dia, p. ex. -14</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Remove row %1 of %2</source>
        <translation>Remover linha %1 de %2</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Linha %1: %2</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Adicionar linha</translation>
    </message>
    <message>
        <source>Add a row to %1</source>
        <translation>Adicionar uma linha a %1</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Adicionar foto…</translation>
    </message>
    <message>
        <source>Add a photo; its metadata is removed before it is attached</source>
        <translation>Adicionar uma foto; os metadados são removidos antes de anexá-la</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>Não anexado</translation>
    </message>
    <message>
        <source>Add a photo to the case</source>
        <translation>Adicionar uma foto ao caso</translation>
    </message>
    <message>
        <source>Photos (*.png *.jpg *.jpeg)</source>
        <translation>Fotos (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
</context>
<context>
    <name>FormTextList</name>
    <message>
        <source>%1, item %2</source>
        <translation>%1, item %2</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Remove item %1 of %2</source>
        <translation>Remover item %1 de %2</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Adicionar item</translation>
    </message>
    <message>
        <source>Add an item to %1</source>
        <translation>Adicionar um item a %1</translation>
    </message>
</context>
<context>
    <name>HubAccountSettings</name>
    <message>
        <source>Hub account</source>
        <translation>Conta no hub</translation>
    </message>
    <message>
        <source>Your programme&apos;s hub holds its schedule, receives your cases and sends back recommendations. Without an account everything stays on this laptop.</source>
        <translation>O hub do seu programa guarda a agenda, recebe os seus casos e devolve recomendações. Sem conta, tudo fica neste computador.</translation>
    </message>
    <message>
        <source>Talking to the hub</source>
        <translation>Comunicando com o hub</translation>
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
        <translation>Ainda sem participação em nenhum programa.</translation>
    </message>
    <message>
        <source>Your roles:</source>
        <translation>As suas funções:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Sign out of the hub</source>
        <translation>Sair do hub</translation>
    </message>
    <message>
        <source>Cases and sessions stay on this laptop</source>
        <translation>Os casos e as sessões ficam neste computador</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Endereço do hub</translation>
    </message>
    <message>
        <source>https://hub.example.org</source>
        <translation>https://hub.example.org</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Email for signing in</source>
        <translation>E-mail para entrar</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Password for signing in</source>
        <translation>Senha para entrar</translation>
    </message>
    <message>
        <source>Sign in to the hub</source>
        <translation>Entrar no hub</translation>
    </message>
    <message>
        <source>Join with an invite</source>
        <translation>Aderir com um convite</translation>
    </message>
    <message>
        <source>Your coordinator sends you an invite code once.</source>
        <translation>O seu coordenador envia-lhe um código de convite uma vez.</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>Código de convite</translation>
    </message>
    <message>
        <source>Your email</source>
        <translation>O seu e-mail</translation>
    </message>
    <message>
        <source>Your name, as colleagues see it</source>
        <translation>O seu nome, como os colegas o veem</translation>
    </message>
    <message>
        <source>Password (at least 10 characters)</source>
        <translation>Senha (pelo menos 10 caracteres)</translation>
    </message>
    <message>
        <source>New password, at least 10 characters</source>
        <translation>Nova senha, pelo menos 10 caracteres</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Repetir a senha</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Repetir a nova senha</translation>
    </message>
    <message>
        <source>Join the hub</source>
        <translation>Aderir ao hub</translation>
    </message>
    <message>
        <source>Join the hub with this invite</source>
        <translation>Aderir ao hub com este convite</translation>
    </message>
</context>
<context>
    <name>HubRecordingsList</name>
    <message>
        <source>Recordings on the hub</source>
        <translation>Gravações no hub</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Refresh the list of recordings on the hub</source>
        <translation>Atualizar a lista de gravações no hub</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Carregando</translation>
    </message>
    <message>
        <source>Light is enough to follow a session on a small screen; audio + slides is the smallest. Downloads go on after a lost connection or a restart, one at a time.</source>
        <translation>A versão leve basta para acompanhar uma sessão numa tela pequena; áudio + slides é a menor. As transferências continuam após uma queda de conexão ou um reinício, uma de cada vez.</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Progresso da transferência</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Transferir</translation>
    </message>
    <message>
        <source>Download %1, %2</source>
        <translation>Transferir %1, %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Pause the download of %1</source>
        <translation>Pausar a transferência de %1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel the download of %1 and delete what came down</source>
        <translation>Cancelar a transferência de %1 e apagar o que já chegou</translation>
    </message>
</context>
<context>
    <name>HubWording</name>
    <message>
        <source>The email or the password is wrong.</source>
        <translation>O e-mail ou a senha está errado.</translation>
    </message>
    <message>
        <source>This email already has an account on the hub, with another password. Use that password to join with this invite.</source>
        <translation>Este e-mail já tem uma conta no hub, com outra senha. Use essa senha para aderir com este convite.</translation>
    </message>
    <message>
        <source>The hub no longer accepts this laptop&apos;s sign-in. Sign in again in Settings → Hub account.</source>
        <translation>O hub já não aceita o acesso deste computador. Entre de novo em Configurações → Conta no hub.</translation>
    </message>
    <message>
        <source>The hub does not know this invite code. Check it with your coordinator.</source>
        <translation>O hub não conhece este código de convite. Confirme-o com o seu coordenador.</translation>
    </message>
    <message>
        <source>The hub no longer has this case.</source>
        <translation>O hub já não tem este caso.</translation>
    </message>
    <message>
        <source>The hub does not know what was asked for.</source>
        <translation>O hub não conhece o que foi pedido.</translation>
    </message>
    <message>
        <source>This invite has already been used, or the email is already registered. Ask your coordinator for a new invite, or sign in.</source>
        <translation>Este convite já foi usado, ou o e-mail já está registrado. Peça um novo convite ao seu coordenador, ou entre.</translation>
    </message>
    <message>
        <source>The hub already has this case, and it has not been returned.</source>
        <translation>O hub já tem este caso, e ele não foi devolvido.</translation>
    </message>
    <message>
        <source>The hub refused this because the case has changed there. Sync, then try again.</source>
        <translation>O hub recusou porque o caso mudou lá. Sincronize e tente de novo.</translation>
    </message>
    <message>
        <source>Your role in this programme does not allow this.</source>
        <translation>A sua função neste programa não permite isto.</translation>
    </message>
    <message>
        <source>The hub&apos;s identifier check flagged text in this case; nothing was stored there.</source>
        <translation>A verificação de identificadores do hub assinalou texto neste caso; nada foi guardado lá.</translation>
    </message>
    <message>
        <source>The hub found fields of this case missing or not valid.</source>
        <translation>O hub encontrou campos deste caso ausentes ou inválidos.</translation>
    </message>
    <message>
        <source>This is too large for the hub to accept.</source>
        <translation>Isto é grande demais para o hub aceitar.</translation>
    </message>
    <message>
        <source>Not signed in to a hub. Sign in in Settings → Hub account.</source>
        <translation>Não conectado a um hub. Entre em Configurações → Conta no hub.</translation>
    </message>
    <message>
        <source>The hub could not be reached. Check the address and the connection.</source>
        <translation>Não foi possível comunicar com o hub. Verifique o endereço e a conexão.</translation>
    </message>
    <message>
        <source>The hub did not answer in time.</source>
        <translation>O hub não respondeu a tempo.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate was not accepted, so nothing was sent.</source>
        <translation>O certificado de segurança do hub não foi aceito, por isso nada foi enviado.</translation>
    </message>
    <message>
        <source>The hub had an internal problem. Try again later.</source>
        <translation>O hub teve um problema interno. Tente mais tarde.</translation>
    </message>
    <message>
        <source>The hub is running but its database does not answer. Try again later.</source>
        <translation>O hub está funcionando, mas a base de dados não responde. Tente mais tarde.</translation>
    </message>
    <message>
        <source>The hub answered something this version of Spoke does not understand.</source>
        <translation>O hub respondeu algo que esta versão do Spoke não entende.</translation>
    </message>
    <message>
        <source>This laptop&apos;s offline cache could not be read or written.</source>
        <translation>Não foi possível ler ou gravar o cache offline deste computador.</translation>
    </message>
    <message>
        <source>The sign-in could not be kept on this laptop (keyring or file not writable).</source>
        <translation>Não foi possível guardar o acesso neste computador (chaveiro ou arquivo sem permissão de escrita).</translation>
    </message>
    <message>
        <source>The hub refused these details. The password needs at least 10 characters.</source>
        <translation>O hub recusou estes dados. A senha precisa de pelo menos 10 caracteres.</translation>
    </message>
    <message>
        <source>The hub refused the request as malformed.</source>
        <translation>O hub recusou o pedido por estar malformado.</translation>
    </message>
    <message>
        <source>This case is no longer in the cache.</source>
        <translation>Este caso já não está no cache.</translation>
    </message>
    <message>
        <source>Sign in to your hub first (Settings → Hub account); the case stays on this laptop until then.</source>
        <translation>Entre primeiro no seu hub (Configurações → Conta no hub); até lá, o caso fica neste computador.</translation>
    </message>
    <message>
        <source>This case&apos;s programme is not one of your hub&apos;s programmes, so it cannot be submitted there.</source>
        <translation>O programa deste caso não é um dos programas do seu hub, por isso não pode ser enviado para lá.</translation>
    </message>
    <message>
        <source>This case has already been submitted and the hub has not returned it.</source>
        <translation>Este caso já foi enviado e o hub não o devolveu.</translation>
    </message>
    <message numerus="yes">
        <source>%n possible identifier(s) must be redacted, or overridden with a reason, first.</source>
        <translation>
            <numerusform>%n possível identificador deve primeiro ser ocultado, ou marcado como exceção com um motivo.</numerusform>
            <numerusform>%n possíveis identificadores devem primeiro ser ocultados, ou marcados como exceção com um motivo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need attention first.</source>
        <translation>
            <numerusform>%n campo precisa de atenção primeiro.</numerusform>
            <numerusform>%n campos precisam de atenção primeiro.</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved case is not a readable echo-case document.</source>
        <translation>O caso guardado não é um documento echo-case legível.</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordenador</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>Especialista</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Profissional de saúde</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Formando</translation>
    </message>
    <message>
        <source>Sent to the hub</source>
        <translation>Enviado ao hub</translation>
    </message>
    <message>
        <source>Scheduled for a session</source>
        <translation>Agendado para uma sessão</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Apresentado</translation>
    </message>
    <message>
        <source>Recommendations received</source>
        <translation>Recomendações recebidas</translation>
    </message>
    <message>
        <source>Returned with a question</source>
        <translation>Devolvido com uma pergunta</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Recommendations sent</source>
        <translation>Recomendações enviadas</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Aguardando envio</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>Recusado pelo hub</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Nunca sincronizado</translation>
    </message>
    <message>
        <source>Last synced just now</source>
        <translation>Sincronizado agora mesmo</translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n min ago</source>
        <translation>
            <numerusform>Sincronizado há %n min</numerusform>
            <numerusform>Sincronizado há %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last synced %n h ago</source>
        <translation>
            <numerusform>Sincronizado há %n h</numerusform>
            <numerusform>Sincronizado há %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Última sincronização: %1</translation>
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
        <translation>Gravações</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>Neste computador</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Não transferida</translation>
    </message>
    <message>
        <source>Import a recording</source>
        <translation>Importar uma gravação</translation>
    </message>
    <message>
        <source>Recordings (*.webm *.mkv *.mp4)</source>
        <translation>Gravações (*.webm *.mkv *.mp4)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Import recording…</source>
        <translation>Importar gravação…</translation>
    </message>
    <message>
        <source>Import a recording (Ctrl+O)</source>
        <translation>Importar uma gravação (Ctrl+O)</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <source>WebM, MKV or MP4 recordings, e.g. a hub&apos;s edited recording, are copied into the library with their chapters.</source>
        <translation>Gravações WebM, MKV ou MP4, p. ex. a gravação editada de um hub, são copiadas para a biblioteca com os seus capítulos.</translation>
    </message>
    <message>
        <source>not downloaded</source>
        <translation>não transferida</translation>
    </message>
    <message>
        <source>Cases: %1</source>
        <translation>Casos: %1</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Reproduzir</translation>
    </message>
    <message>
        <source>Library sections</source>
        <translation>Áreas da biblioteca</translation>
    </message>
    <message>
        <source>Alt+R</source>
        <translation>Alt+R</translation>
    </message>
    <message>
        <source>From the hub</source>
        <translation>Do hub</translation>
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
        <translation>Esta chamada não está ligada a uma sessão do seu hub, por isso não há agenda.</translation>
    </message>
    <message>
        <source>Agenda items</source>
        <translation>Itens da agenda</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>em curso há %1</translation>
    </message>
    <message>
        <source>took %1</source>
        <translation>durou %1</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>não iniciado</translation>
    </message>
    <message>
        <source>Started by %1</source>
        <translation>Iniciado por %1</translation>
    </message>
    <message>
        <source>Took %1 (started by %2)</source>
        <translation>Durou %1 (iniciado por %2)</translation>
    </message>
    <message>
        <source>Chair</source>
        <translation>Moderador</translation>
    </message>
    <message>
        <source>Start next item: %1</source>
        <translation>Iniciar o próximo item: %1</translation>
    </message>
    <message>
        <source>Start next item</source>
        <translation>Iniciar o próximo item</translation>
    </message>
    <message>
        <source>Ends the running item and starts the next one for everyone</source>
        <translation>Encerra o item em curso e inicia o próximo para todos</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Encerrar sessão</translation>
    </message>
    <message>
        <source>Waiting for the hub</source>
        <translation>Aguardando o hub</translation>
    </message>
    <message>
        <source>End the session for everyone?</source>
        <translation>Encerrar a sessão para todos?</translation>
    </message>
    <message>
        <source>The running item ends now and the hub records the session as over.</source>
        <translation>O item em curso termina agora e o hub registra a sessão como encerrada.</translation>
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
        <translation>Carregando o caso</translation>
    </message>
    <message>
        <source>The case, read-only</source>
        <translation>O caso, só leitura</translation>
    </message>
    <message>
        <source>The case as submitted, de-identified</source>
        <translation>O caso tal como foi enviado, desidentificado</translation>
    </message>
    <message>
        <source>Choose a case</source>
        <translation>Escolha um caso</translation>
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
        <translation>Mostrar o caso numa janela própria</translation>
    </message>
    <message>
        <source>The case is in its own window. Turn Detach off to bring it back.</source>
        <translation>O caso está numa janela própria. Desligue Separar para trazê-lo de volta.</translation>
    </message>
    <message>
        <source>Case %1 (read-only)</source>
        <translation>Caso %1 (só leitura)</translation>
    </message>
    <message>
        <source>Follow the presenter</source>
        <translation>Seguir o apresentador</translation>
    </message>
    <message>
        <source>Follow the presenter&apos;s case and section again</source>
        <translation>Voltar a seguir o caso e a seção do apresentador</translation>
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
        <translation>Mensagens do chat</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>não enviada</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Não enviada</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Retry sending: %1</source>
        <translation>Tentar enviar de novo: %1</translation>
    </message>
    <message>
        <source>No messages yet.</source>
        <translation>Ainda sem mensagens.</translation>
    </message>
    <message>
        <source>This call is not linked to a session on your hub, so there is no chat.</source>
        <translation>Esta chamada não está ligada a uma sessão do seu hub, por isso não há chat.</translation>
    </message>
    <message>
        <source>Message everyone</source>
        <translation>Mensagem para todos</translation>
    </message>
    <message>
        <source>Chat message</source>
        <translation>Mensagem de chat</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Enviar mensagem</translation>
    </message>
</context>
<context>
    <name>LiveHands</name>
    <message>
        <source>Raised hands</source>
        <translation>Mãos levantadas</translation>
    </message>
    <message>
        <source>Lower my hand</source>
        <translation>Baixar a minha mão</translation>
    </message>
    <message>
        <source>Raise my hand</source>
        <translation>Levantar a minha mão</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>No hands are up.</source>
        <translation>Nenhuma mão levantada.</translation>
    </message>
    <message numerus="yes">
        <source>%n hand(s) up, first raised first:</source>
        <translation>
            <numerusform>%n mão levantada, por ordem de chegada:</numerusform>
            <numerusform>%n mãos levantadas, por ordem de chegada:</numerusform>
        </translation>
    </message>
    <message>
        <source>Raised hands in order</source>
        <translation>Mãos levantadas por ordem</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (você)</translation>
    </message>
    <message>
        <source>Lower</source>
        <translation>Baixar</translation>
    </message>
    <message>
        <source>Lower the hand of %1</source>
        <translation>Baixar a mão de %1</translation>
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
        <translation>Mãos</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Pessoas</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Slides</translation>
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
        <translation>Microfone ligado</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>Silenciado</translation>
    </message>
    <message>
        <source>Muted by the chair</source>
        <translation>Silenciado pelo moderador</translation>
    </message>
    <message>
        <source>Mic unknown</source>
        <translation>Microfone desconhecido</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Câmera ligada</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Câmera desligada</translation>
    </message>
    <message>
        <source>Audio only</source>
        <translation>Só áudio</translation>
    </message>
    <message>
        <source>Camera unknown</source>
        <translation>Câmera desconhecida</translation>
    </message>
    <message>
        <source>People in the call (%1)</source>
        <translation>Pessoas na chamada (%1)</translation>
    </message>
    <message>
        <source>People in the call</source>
        <translation>Pessoas na chamada</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (você)</translation>
    </message>
    <message>
        <source>role unknown</source>
        <translation>função desconhecida</translation>
    </message>
    <message>
        <source>hand raised, number %1</source>
        <translation>mão levantada, número %1</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>conexão %1</translation>
    </message>
    <message>
        <source>Hand %1</source>
        <translation>Mão %1</translation>
    </message>
    <message>
        <source>Role not known</source>
        <translation>Função desconhecida</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Conexão: %1</translation>
    </message>
    <message>
        <source>Connection: measuring</source>
        <translation>Conexão: medindo</translation>
    </message>
    <message>
        <source>Allow to speak</source>
        <translation>Dar a palavra</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Allow %1 to speak</source>
        <translation>Dar a palavra a %1</translation>
    </message>
    <message>
        <source>Mute %1 for everyone</source>
        <translation>Silenciar %1 para todos</translation>
    </message>
    <message>
        <source>Remove from session</source>
        <translation>Remover da sessão</translation>
    </message>
    <message>
        <source>Remove %1 from the session</source>
        <translation>Remover %1 da sessão</translation>
    </message>
    <message>
        <source>People in the room with me</source>
        <translation>Pessoas na sala comigo</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>Nomes, separados por vírgulas</translation>
    </message>
    <message>
        <source>Names of the people in the room with me</source>
        <translation>Nomes das pessoas na sala comigo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Record them as present</source>
        <translation>Registrar como presentes</translation>
    </message>
    <message>
        <source>Remove from the session?</source>
        <translation>Remover da sessão?</translation>
    </message>
    <message>
        <source>%1 leaves the call now and cannot join this session again.</source>
        <translation>%1 sai da chamada agora e não pode voltar a entrar nesta sessão.</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Manter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
</context>
<context>
    <name>LiveSlides</name>
    <message>
        <source>Share slides with everyone (PDF)</source>
        <translation>Compartilhar slides com todos (PDF)</translation>
    </message>
    <message>
        <source>Open slides on this laptop only (PDF)</source>
        <translation>Abrir slides só neste computador (PDF)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Slides</translation>
    </message>
    <message>
        <source>Share another…</source>
        <translation>Compartilhar outro…</translation>
    </message>
    <message>
        <source>Share a PDF…</source>
        <translation>Compartilhar um PDF…</translation>
    </message>
    <message>
        <source>Share a PDF with everyone</source>
        <translation>Compartilhar um PDF com todos</translation>
    </message>
    <message>
        <source>Open here only…</source>
        <translation>Abrir só aqui…</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>Abrir outro…</translation>
    </message>
    <message>
        <source>Open a PDF…</source>
        <translation>Abrir um PDF…</translation>
    </message>
    <message>
        <source>Open a PDF on this laptop only</source>
        <translation>Abrir um PDF só neste computador</translation>
    </message>
    <message>
        <source>Transferring the slides</source>
        <translation>Transferindo os slides</translation>
    </message>
    <message>
        <source>Drawing the page</source>
        <translation>Desenhando a página</translation>
    </message>
    <message>
        <source>Share the deck you present: everyone downloads it once and follows your pages. When someone else presents, their slides appear here.</source>
        <translation>Compartilhe os slides que apresenta: todos os transferem uma vez e seguem as suas páginas. Quando outra pessoa apresenta, os slides dela aparecem aqui.</translation>
    </message>
    <message>
        <source>Open the deck you present to page through it here.</source>
        <translation>Abra os slides que apresenta para folheá-los aqui.</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous page (Page Up)</source>
        <translation>Página anterior (Page Up)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Seguinte</translation>
    </message>
    <message>
        <source>Next page (Page Down)</source>
        <translation>Página seguinte (Page Down)</translation>
    </message>
    <message>
        <source>Follow the presenter</source>
        <translation>Seguir o apresentador</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Spoke is locked</source>
        <translation>O Spoke está bloqueado</translation>
    </message>
    <message>
        <source>Enter the PIN of this profile to go on.</source>
        <translation>Digite o PIN deste perfil para continuar.</translation>
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
        <translation>A sua sessão ao vivo continua enquanto o Spoke está bloqueado: você continua a ouvi-la, e o microfone e a câmera ficam como estavam.</translation>
    </message>
    <message>
        <source>Forgot the PIN? Ask whoever looks after this laptop.</source>
        <translation>Esqueceu o PIN? Peça ajuda a quem cuida deste computador.</translation>
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
        <translation>Sessões</translation>
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
        <translation>Configurações</translation>
    </message>
    <message>
        <source>teleECHO telementoring</source>
        <translation>Telementoria teleECHO</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Voltar</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Voltar</translation>
    </message>
    <message>
        <source>Spoke could not open its offline cache. %1</source>
        <translation>O Spoke não conseguiu abrir o cache offline. %1</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisão</translation>
    </message>
    <message>
        <source>Practice session with the hub</source>
        <translation>Sessão de treino com o hub</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear agora</translation>
    </message>
</context>
<context>
    <name>PlayerEntry</name>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <source>Player</source>
        <translation>Reprodutor</translation>
    </message>
    <message>
        <source>Recording video</source>
        <translation>Vídeo da gravação</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Carregando</translation>
    </message>
    <message>
        <source>Nothing to play</source>
        <translation>Nada para reproduzir</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posição</translation>
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
        <translation>Recuar 10 segundos</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproduzir</translation>
    </message>
    <message>
        <source>+10 s</source>
        <translation>+10 s</translation>
    </message>
    <message>
        <source>Forward 10 seconds</source>
        <translation>Avançar 10 segundos</translation>
    </message>
    <message>
        <source>Next chapter</source>
        <translation>Capítulo seguinte</translation>
    </message>
    <message>
        <source>Next chapter ( ] )</source>
        <translation>Capítulo seguinte ( ] )</translation>
    </message>
    <message>
        <source>Time %1 of %2</source>
        <translation>Tempo %1 de %2</translation>
    </message>
    <message>
        <source>%1× speed</source>
        <translation>Velocidade %1×</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Velocidade de reprodução</translation>
    </message>
    <message>
        <source>Keys: Space or K play/pause · ←/→ 5 s · J/L 10 s · [ ] chapters · B bookmark</source>
        <translation>Teclas: Espaço ou K reproduzir/pausar · ←/→ 5 s · J/L 10 s · [ ] capítulos · B marcador</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Slides</translation>
    </message>
    <message>
        <source>Audio and slides: %1</source>
        <translation>Áudio e slides: %1</translation>
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
        <translation>Marcadores e notas</translation>
    </message>
    <message>
        <source>This recording has no chapters.</source>
        <translation>Esta gravação não tem capítulos.</translation>
    </message>
    <message>
        <source>Note at %1</source>
        <translation>Nota em %1</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Texto da nota</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Adicionar nota</translation>
    </message>
    <message>
        <source>Add a bookmark here</source>
        <translation>Adicionar um marcador aqui</translation>
    </message>
    <message>
        <source>Add the note here</source>
        <translation>Adicionar a nota aqui</translation>
    </message>
    <message>
        <source>No notes yet. Press B while watching to bookmark a moment.</source>
        <translation>Ainda sem notas. Pressione B durante a reprodução para marcar um momento.</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Slides</translation>
    </message>
    <message>
        <source>Chat (%1)</source>
        <translation>Chat (%1)</translation>
    </message>
    <message>
        <source>Chat so far</source>
        <translation>Chat até aqui</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Case form of this chapter</source>
        <translation>Formulário de caso deste capítulo</translation>
    </message>
    <message>
        <source>No chat for this recording.</source>
        <translation>Sem chat nesta gravação.</translation>
    </message>
    <message>
        <source>Nothing said in the chat yet at this point.</source>
        <translation>Ainda nada foi dito no chat neste ponto.</translation>
    </message>
    <message>
        <source>No case is presented in this chapter.</source>
        <translation>Nenhum caso é apresentado neste capítulo.</translation>
    </message>
    <message>
        <source>Section shown: %1</source>
        <translation>Seção mostrada: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Draft</source>
        <translation>Rascunho</translation>
    </message>
    <message>
        <source>Ready to submit</source>
        <translation>Pronto para enviar</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Presented</source>
        <translation>Apresentado</translation>
    </message>
    <message>
        <source>Recommendations received</source>
        <translation>Recomendações recebidas</translation>
    </message>
    <message>
        <source>This case is no longer in the cache.</source>
        <translation>Este caso já não está no cache.</translation>
    </message>
    <message>
        <source>This case was already submitted; changes are no longer saved here.</source>
        <translation>Este caso já foi enviado; as alterações já não são guardadas aqui.</translation>
    </message>
    <message>
        <source>Cannot store the cleaned file in %1.</source>
        <translation>Não é possível guardar o arquivo limpo em %1.</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Caso %1</translation>
    </message>
    <message>
        <source>De-identified copy made by Spoke. Text marked like [NAME] was replaced before export.</source>
        <translation>Cópia desidentificada feita pelo Spoke. O texto marcado como [NOME] foi substituído antes da exportação.</translation>
    </message>
    <message>
        <source>The PDF could not be written to %1: %2</source>
        <translation>Não foi possível gravar o PDF em %1: %2</translation>
    </message>
    <message>
        <source>Hub specialist</source>
        <translation>Especialista do hub</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitador</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordenador</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Apresentador</translation>
    </message>
    <message>
        <source>Spoke participant</source>
        <translation>Participante do Spoke</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Formando</translation>
    </message>
    <message>
        <source>IT support</source>
        <translation>Suporte de TI</translation>
    </message>
    <message>
        <source>This session is no longer in the cache.</source>
        <translation>Esta sessão já não está no cache.</translation>
    </message>
    <message>
        <source>%1 in the session</source>
        <translation>%1 na sessão</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Written recommendations</source>
        <translation>Recomendações escritas</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>Gravações</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Presenças</translation>
    </message>
    <message>
        <source>Question for the hub</source>
        <translation>Pergunta para o hub</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Age band %1, sex %2</source>
        <translation>Faixa etária %1, sexo %2</translation>
    </message>
    <message>
        <source>Presenting problem</source>
        <translation>Queixa principal</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumo</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revisão %1</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessão</translation>
    </message>
    <message>
        <source>Open the session this case belongs to</source>
        <translation>Abrir a sessão a que este caso pertence</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Histórico</translation>
    </message>
    <message>
        <source>This recording is no longer in the cache.</source>
        <translation>Esta gravação já não está no cache.</translation>
    </message>
    <message>
        <source>Saved on this laptop: %1</source>
        <translation>Guardado neste computador: %1</translation>
    </message>
    <message>
        <source>Not downloaded to this laptop yet. Chapters and notes are available offline.</source>
        <translation>Ainda não transferida para este computador. Os capítulos e as notas estão disponíveis offline.</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message>
        <source>Bookmarks and notes</source>
        <translation>Marcadores e notas</translation>
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
        <translation>Recomendação</translation>
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
        <translation>Este caso ainda não foi guardado.</translation>
    </message>
    <message>
        <source>Slide</source>
        <translation>Slide</translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message>
        <source>Your recommendation</source>
        <translation>A sua recomendação</translation>
    </message>
    <message>
        <source>Recommendation %1</source>
        <translation>Recomendação %1</translation>
    </message>
    <message>
        <source>Recommendation item %1</source>
        <translation>Item de recomendação %1</translation>
    </message>
    <message>
        <source>Remove item %1</source>
        <translation>Remover item %1</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Adicionar um item</translation>
    </message>
    <message>
        <source>Add a numbered recommendation item</source>
        <translation>Adicionar um item de recomendação numerado</translation>
    </message>
    <message>
        <source>Further advice, in your own words</source>
        <translation>Outras orientações, com as suas palavras</translation>
    </message>
    <message>
        <source>Recommendation text</source>
        <translation>Texto da recomendação</translation>
    </message>
    <message>
        <source>Send recommendation</source>
        <translation>Enviar recomendação</translation>
    </message>
    <message>
        <source>Send the recommendation to the presenter</source>
        <translation>Enviar a recomendação ao apresentador</translation>
    </message>
    <message>
        <source>Return with a question</source>
        <translation>Devolver com uma pergunta</translation>
    </message>
    <message>
        <source>When the case cannot be answered as it stands, ask its presenter.</source>
        <translation>Quando o caso não pode ser respondido como está, pergunte ao seu apresentador.</translation>
    </message>
    <message>
        <source>What should the presenter add or clarify?</source>
        <translation>O que o apresentador deve acrescentar ou esclarecer?</translation>
    </message>
    <message>
        <source>Question for the presenter</source>
        <translation>Pergunta para o apresentador</translation>
    </message>
    <message>
        <source>Return with this question</source>
        <translation>Devolver com esta pergunta</translation>
    </message>
    <message>
        <source>Return the case to its presenter with this question</source>
        <translation>Devolver o caso ao seu apresentador com esta pergunta</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Revisão</translation>
    </message>
    <message>
        <source>Dismiss the message</source>
        <translation>Fechar a mensagem</translation>
    </message>
    <message>
        <source>Waiting for review (%1)</source>
        <translation>Aguardando revisão (%1)</translation>
    </message>
    <message>
        <source>Reload the queue (F5)</source>
        <translation>Recarregar a fila (F5)</translation>
    </message>
    <message>
        <source>Loading the queue…</source>
        <translation>Carregando a fila…</translation>
    </message>
    <message>
        <source>No case is waiting for review.</source>
        <translation>Nenhum caso aguarda revisão.</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Fila de revisão</translation>
    </message>
    <message>
        <source>Choose a case from the queue to read it.</source>
        <translation>Escolha um caso da fila para lê-lo.</translation>
    </message>
    <message>
        <source>Loading the case</source>
        <translation>Carregando o caso</translation>
    </message>
    <message>
        <source>Returned with the question: %1</source>
        <translation>Devolvido com a pergunta: %1</translation>
    </message>
    <message>
        <source>Recommended by %1, %2:</source>
        <translation>Recomendado por %1, %2:</translation>
    </message>
    <message>
        <source>The case as submitted, de-identified</source>
        <translation>O caso tal como foi enviado, desidentificado</translation>
    </message>
</context>
<context>
    <name>ScreenShareChooser</name>
    <message>
        <source>Share your screen</source>
        <translation>Compartilhar a sua tela</translation>
    </message>
    <message>
        <source>Everyone sees it as a tile of its own, sent at about 150 kbit/s (some 22 MB in 20 minutes). For slides, sharing the PDF costs far less.</source>
        <translation>Todos a veem como um quadro próprio, enviada a cerca de 150 kbit/s (uns 22 MB em 20 minutos). Para slides, compartilhar o PDF gasta muito menos.</translation>
    </message>
    <message>
        <source>Looking for screens and windows</source>
        <translation>Procurando telas e janelas</translation>
    </message>
    <message>
        <source>Screens and windows</source>
        <translation>Telas e janelas</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Tela</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Janela</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartilhar</translation>
    </message>
    <message>
        <source>Share the chosen screen or window</source>
        <translation>Compartilhar a tela ou janela escolhida</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search sessions, cases, recommendations, notes and chat  (Ctrl+F)</source>
        <translation>Pesquisar sessões, casos, recomendações, notas e chat  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Pesquisar</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados da pesquisa</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Pesquisando…</translation>
    </message>
    <message>
        <source>Nothing found in this laptop&apos;s cache.</source>
        <translation>Nada encontrado no cache deste computador.</translation>
    </message>
</context>
<context>
    <name>SecuritySettings</name>
    <message>
        <source>App lock</source>
        <translation>Bloqueio do aplicativo</translation>
    </message>
    <message>
        <source>A PIN locks this profile: when Spoke starts, after the idle time below, and with Lock now (Ctrl+L).</source>
        <translation>Um PIN bloqueia este perfil: quando o Spoke inicia, após o tempo de inatividade abaixo e com Bloquear agora (Ctrl+L).</translation>
    </message>
    <message>
        <source>No PIN is set. Anyone using this computer account can open this profile&apos;s cases in Spoke.</source>
        <translation>Nenhum PIN definido. Qualquer pessoa que use esta conta do computador pode abrir os casos deste perfil no Spoke.</translation>
    </message>
    <message>
        <source>The PIN belongs to this profile (its data folder): a clinician sharing this computer account with others keeps a profile of their own with --data-dir. The PIN is 4 to 12 digits; easy ones like 0000 or 1234 are refused. Only a slow salted hash of it is kept.</source>
        <translation>O PIN pertence a este perfil (à sua pasta de dados): um profissional de saúde que compartilha esta conta do computador com outros mantém um perfil próprio com --data-dir. O PIN tem de 4 a 12 dígitos; PINs fáceis como 0000 ou 1234 são recusados. Só se guarda um hash lento e com salt do PIN.</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>PIN atual</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Novo PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>Repetir o PIN</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Repetir o novo PIN</translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Alterar o PIN</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Definir PIN</translation>
    </message>
    <message>
        <source>Remove PIN</source>
        <translation>Remover o PIN</translation>
    </message>
    <message>
        <source>Remove the PIN: Spoke no longer locks</source>
        <translation>Remover o PIN: o Spoke deixa de bloquear</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Bloquear agora</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Lock when idle</source>
        <translation>Bloquear por inatividade</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Bloquear após</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Bloquear após estes minutos de inatividade</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the idle time</source>
        <translation>Guardar o tempo de inatividade</translation>
    </message>
    <message>
        <source>Enter the current PIN above to change it. No key, click or mouse movement in Spoke for that long locks it; a live session goes on under the lock.</source>
        <translation>Digite o PIN atual acima para alterá-lo. Se durante esse tempo não houver tecla, clique ou movimento do mouse no Spoke, ele bloqueia; uma sessão ao vivo continua sob o bloqueio.</translation>
    </message>
    <message>
        <source>Set a PIN first.</source>
        <translation>Defina primeiro um PIN.</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>Verificando o PIN…</translation>
    </message>
    <message>
        <source>The lock keeps this window from whoever walks up to the laptop. It does not encrypt the data folder: anyone who can read its files as this computer account can read the cache, and can remove the lock by deleting app-lock.json there (which is also how to start again after a forgotten PIN).</source>
        <translation>O bloqueio protege esta janela de quem se aproximar do computador. Não criptografa a pasta de dados: quem conseguir ler os seus arquivos com esta conta do computador pode ler o cache e remover o bloqueio apagando app-lock.json nela (que é também a forma de recomeçar depois de esquecer o PIN).</translation>
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
        <translation>Gravação disponível</translation>
    </message>
    <message>
        <source>Join live session</source>
        <translation>Entrar na sessão ao vivo</translation>
    </message>
    <message>
        <source>Join live session: %1</source>
        <translation>Entrar na sessão ao vivo: %1</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Sessions</source>
        <translation>Sessões</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Próximas</translation>
    </message>
    <message>
        <source>Past sessions</source>
        <translation>Sessões anteriores</translation>
    </message>
    <message>
        <source>Sessions you have attended will be listed here.</source>
        <translation>As sessões em que participou aparecerão aqui.</translation>
    </message>
    <message>
        <source>No sessions on this laptop yet</source>
        <translation>Ainda não há sessões neste computador</translation>
    </message>
    <message>
        <source>Your hub has not scheduled a session yet, or it has not been synced. It appears here once it has.</source>
        <translation>O seu hub ainda não agendou nenhuma sessão, ou ela ainda não foi sincronizada. As sessões aparecem aqui assim que forem agendadas e sincronizadas.</translation>
    </message>
    <message>
        <source>Sign in to your programme&apos;s hub to get its schedule, or try the demo programme to look around first. The demo stays on this laptop.</source>
        <translation>Entre no hub do seu programa para receber a agenda, ou experimente o programa de demonstração para explorar primeiro. A demonstração fica neste computador.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Experimentar a demonstração</translation>
    </message>
    <message>
        <source>Try the demo: add a demo programme to look around in</source>
        <translation>Experimentar a demonstração: adicionar um programa de demonstração para explorar</translation>
    </message>
    <message>
        <source>Hub account…</source>
        <translation>Conta no hub…</translation>
    </message>
    <message>
        <source>Open Settings, Hub account, to sign in</source>
        <translation>Abrir Configurações, Conta no hub, para entrar</translation>
    </message>
    <message>
        <source>No sessions scheduled by your hub.</source>
        <translation>Nenhuma sessão agendada pelo seu hub.</translation>
    </message>
    <message>
        <source>No sessions scheduled. Your hub&apos;s schedule appears here once you are signed in and it has been synced.</source>
        <translation>Nenhuma sessão agendada. A agenda do seu hub aparece aqui assim que entrar e ela for sincronizada.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>Offline cache</source>
        <translation>Cache offline</translation>
    </message>
    <message>
        <source>Sessions, cases, recommendations and recordings are kept on this laptop so you can use them without a connection.</source>
        <translation>Sessões, casos, recomendações e gravações são guardados neste computador para que os possa usar sem conexão.</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Pasta de dados: %1</translation>
    </message>
    <message>
        <source>Reload from cache</source>
        <translation>Recarregar do cache</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Spoke %1 — teleECHO telementoring client</source>
        <translation>Spoke %1 — cliente de telementoria teleECHO</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>Áreas das configurações</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>Alt+G</source>
        <translation>Alt+G</translation>
    </message>
    <message>
        <source>Hub account</source>
        <translation>Conta no hub</translation>
    </message>
    <message>
        <source>Alt+H</source>
        <translation>Alt+H</translation>
    </message>
    <message>
        <source>Audio &amp;&amp; video</source>
        <translation>Áudio &amp;&amp; vídeo</translation>
    </message>
    <message>
        <source>Audio and video</source>
        <translation>Áudio e vídeo</translation>
    </message>
    <message>
        <source>Alt+V</source>
        <translation>Alt+V</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Experimentar a demonstração</translation>
    </message>
    <message>
        <source>Try the demo: add a demo programme to look around in</source>
        <translation>Experimentar a demonstração: adicionar um programa de demonstração para explorar</translation>
    </message>
    <message>
        <source>Live sessions</source>
        <translation>Sessões ao vivo</translation>
    </message>
    <message>
        <source>The hub gives you its session address. It starts with ws:// or wss://.</source>
        <translation>O hub fornece-lhe o endereço das sessões. Começa com ws:// ou wss://.</translation>
    </message>
    <message>
        <source>Session address</source>
        <translation>Endereço das sessões</translation>
    </message>
    <message>
        <source>ws://hub.example.org:8188</source>
        <translation>ws://hub.example.org:8188</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>Transferências</translation>
    </message>
    <message>
        <source>Alt+D</source>
        <translation>Alt+D</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Segurança</translation>
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
        <translation>Idioma do Spoke e de suas datas e números</translation>
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
        <translation>Sincronizar agora</translation>
    </message>
    <message>
        <source>Sync with the hub now</source>
        <translation>Sincronizar agora com o hub</translation>
    </message>
</context>
<context>
    <name>spoke::ui::AppController</name>
    <message>
        <source>The demo programme could not be written: %1</source>
        <translation>Não foi possível gravar o programa de demonstração: %1</translation>
    </message>
    <message>
        <source>The demo programme is already on this laptop.</source>
        <translation>O programa de demonstração já está neste computador.</translation>
    </message>
    <message>
        <source>The demo programme was added: %1 sessions and %2 cases to look around in. Nothing of it is sent to a hub.</source>
        <translation>O programa de demonstração foi adicionado: %1 sessões e %2 casos para explorar. Nada dele é enviado a um hub.</translation>
    </message>
    <message>
        <source>Not signed in to a hub: changes stay on this laptop</source>
        <translation>Não conectado a um hub: as alterações ficam neste computador</translation>
    </message>
    <message numerus="yes">
        <source>Not signed in to a hub: %n change(s) wait on this laptop</source>
        <translation>
            <numerusform>Não conectado a um hub: %n alteração aguarda neste computador</numerusform>
            <numerusform>Não conectado a um hub: %n alterações aguardam neste computador</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing with the hub…</source>
        <translation>Sincronizando com o hub…</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) refused by the hub; open the case to see why</source>
        <translation>
            <numerusform>%n alteração recusada pelo hub; abra o caso para ver porquê</numerusform>
            <numerusform>%n alterações recusadas pelo hub; abra o caso para ver porquê</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to send</source>
        <translation>
            <numerusform>%n alteração aguardando envio</numerusform>
            <numerusform>%n alterações aguardando envio</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing sent yet</source>
        <translation>Ainda nada enviado</translation>
    </message>
    <message>
        <source>Everything has been sent to the hub</source>
        <translation>Tudo foi enviado ao hub</translation>
    </message>
    <message numerus="yes">
        <source>New recommendations from the hub for %n case(s), the newest for %1.</source>
        <translation>
            <numerusform>Novas recomendações do hub para %n caso, o mais recente para %1.</numerusform>
            <numerusform>Novas recomendações do hub para %n casos, o mais recente para %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New recommendations from the hub for %n case(s).</source>
        <translation>
            <numerusform>Novas recomendações do hub para %n caso.</numerusform>
            <numerusform>Novas recomendações do hub para %n casos.</numerusform>
        </translation>
    </message>
    <message>
        <source>New recommendations from the hub.</source>
        <translation>Novas recomendações do hub.</translation>
    </message>
    <message>
        <source>New recommendations from the hub for %1.</source>
        <translation>Novas recomendações do hub para %1.</translation>
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
        <translation>Em sessão</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>You left the session</source>
        <translation>Você saiu da sessão</translation>
    </message>
    <message>
        <source>Could not join the session</source>
        <translation>Não foi possível entrar na sessão</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Medindo…</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Boa</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Razoável</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Fraca</translation>
    </message>
    <message>
        <source>This laptop has no network connection to carry the call. Connect to a network and try again.</source>
        <translation>Este computador não tem conexão de rede para a chamada. Conecte-se a uma rede e tente de novo.</translation>
    </message>
    <message>
        <source>The session server at %1 cannot be reached. Check your network connection, or ask your hub whether the session address is right.</source>
        <translation>Não é possível comunicar com o servidor de sessões em %1. Verifique a sua conexão de rede, ou pergunte ao seu hub se o endereço das sessões está certo.</translation>
    </message>
    <message>
        <source>Participant %1</source>
        <translation>Participante %1</translation>
    </message>
    <message>
        <source>Packets lost: %1 % (worst participant, last %2 s)</source>
        <translation>Pacotes perdidos: %1 % (pior participante, últimos %2 s)</translation>
    </message>
    <message>
        <source>Packets lost: nothing received yet</source>
        <translation>Pacotes perdidos: ainda nada recebido</translation>
    </message>
    <message>
        <source>Picture delay: %1 ms</source>
        <translation>Atraso da imagem: %1 ms</translation>
    </message>
    <message>
        <source>Picture delay: not measured</source>
        <translation>Atraso da imagem: não medido</translation>
    </message>
    <message>
        <source>Picture freezes: %1 in the last %2 s</source>
        <translation>Congelamentos da imagem: %1 nos últimos %2 s</translation>
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
        <translation>Clínica de treino</translation>
    </message>
    <message>
        <source>No session server is set up on this laptop. Ask your hub for the session address (it starts with wss://).</source>
        <translation>Nenhum servidor de sessões está configurado neste computador. Peça ao seu hub o endereço das sessões (começa com wss://).</translation>
    </message>
    <message>
        <source>Spoke clinic</source>
        <translation>Clínica Spoke</translation>
    </message>
    <message>
        <source>The chair removed you from this session.</source>
        <translation>Foi removido desta sessão pelo moderador.</translation>
    </message>
    <message>
        <source>This session is over. The chair has ended it.</source>
        <translation>Esta sessão terminou. O moderador encerrou-a.</translation>
    </message>
    <message>
        <source>The hub has no media server available for the call right now. Try again in a few minutes, or tell the hub&apos;s coordinator.</source>
        <translation>O hub não tem agora nenhum servidor de mídia disponível para a chamada. Tente de novo dentro de alguns minutos, ou avise o coordenador do hub.</translation>
    </message>
    <message>
        <source>Not signed in to the hub. Sign in under Settings → Hub account, then join again.</source>
        <translation>Não conectado ao hub. Entre em Configurações → Conta no hub e depois entre de novo.</translation>
    </message>
    <message>
        <source>The hub does not know this session any more. It may have been cancelled.</source>
        <translation>O hub já não conhece esta sessão. Pode ter sido cancelada.</translation>
    </message>
    <message>
        <source>The hub cannot be reached to join the session. Check your network connection and try again.</source>
        <translation>Não é possível comunicar com o hub para entrar na sessão. Verifique a sua conexão de rede e tente de novo.</translation>
    </message>
    <message>
        <source>The hub did not give what is needed to join this session. Try again, or tell the hub&apos;s coordinator.</source>
        <translation>O hub não forneceu o necessário para entrar nesta sessão. Tente de novo, ou avise o coordenador do hub.</translation>
    </message>
    <message>
        <source>The chair has muted you. Raise your hand to ask to speak.</source>
        <translation>O moderador desligou o seu microfone. Levante a mão para pedir a palavra.</translation>
    </message>
    <message>
        <source>The chair has let you speak. Unmute when you are ready.</source>
        <translation>O moderador deu-lhe a palavra. Ligue o microfone quando estiver pronto.</translation>
    </message>
    <message>
        <source>%1 MB used this session</source>
        <translation>%1 MB usados nesta sessão</translation>
    </message>
    <message>
        <source>%1 kbit/s now</source>
        <translation>%1 kbit/s agora</translation>
    </message>
    <message>
        <source>The session room did not accept this laptop&apos;s pass, even a fresh one from the hub. Tell the chair or the hub&apos;s coordinator.</source>
        <translation>A sala de sessão não aceitou o passe deste computador, nem um novo passe do hub. Avise o moderador ou o coordenador do hub.</translation>
    </message>
    <message>
        <source>The session room is protected and this laptop has no pass for it.</source>
        <translation>A sala de sessão é protegida e este computador não tem passe para ela.</translation>
    </message>
    <message>
        <source>The hub&apos;s relay server for calls could not be found. Check your network connection and try again.</source>
        <translation>Não foi possível encontrar o servidor de retransmissão de chamadas do hub. Verifique a sua conexão de rede e tente de novo.</translation>
    </message>
    <message>
        <source>The session&apos;s media server cannot be reached. Check your network connection and try again.</source>
        <translation>Não é possível comunicar com o servidor de mídia da sessão. Verifique a sua conexão de rede e tente de novo.</translation>
    </message>
    <message>
        <source>The media server has no room for this session. The session may have ended; try again in a minute.</source>
        <translation>O servidor de mídia não tem sala para esta sessão. A sessão pode ter terminado; tente de novo daqui a um minuto.</translation>
    </message>
    <message>
        <source>%1 (%2 % lost)</source>
        <translation>%1 (%2 % perdidos)</translation>
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
        <translation>Alterações não guardadas…</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Ainda não guardado</translation>
    </message>
    <message>
        <source>Saved %1 · revision %2</source>
        <translation>Guardado %1 · revisão %2</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>Nenhum caso aberto.</translation>
    </message>
    <message>
        <source>Only a draft can be marked ready; this case is %1.</source>
        <translation>Só um rascunho pode ser marcado como pronto; este caso está %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n possible identifier(s) must be redacted, or overridden with a reason, first.</source>
        <translation>
            <numerusform>%n possível identificador deve primeiro ser ocultado, ou marcado como exceção com um motivo.</numerusform>
            <numerusform>%n possíveis identificadores devem primeiro ser ocultados, ou marcados como exceção com um motivo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) need attention first: %1.</source>
        <translation>
            <numerusform>%n campo precisa de atenção primeiro: %1.</numerusform>
            <numerusform>%n campos precisam de atenção primeiro: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the latest changes…</source>
        <translation>Verificando as últimas alterações…</translation>
    </message>
    <message>
        <source>There is no form for the programme &quot;%1&quot;.</source>
        <translation>Não há formulário para o programa &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>New %1 case %2</source>
        <translation>Novo caso %1 %2</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Este arquivo não pode ser importado: %1</translation>
    </message>
    <message>
        <source>This file cannot be imported: it names the programme &quot;%1&quot;, which has no form here.</source>
        <translation>Este arquivo não pode ser importado: indica o programa &quot;%1&quot;, que não tem formulário aqui.</translation>
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
        <translation>Este caso já não pode ser alterado aqui.</translation>
    </message>
    <message>
        <source>That text has changed since it was checked; wait for the new check.</source>
        <translation>Esse texto mudou desde a verificação; aguarde a nova verificação.</translation>
    </message>
    <message>
        <source>Override logged.</source>
        <translation>Exceção registrada.</translation>
    </message>
    <message>
        <source>The case is ready to submit.</source>
        <translation>O caso está pronto para enviar.</translation>
    </message>
    <message>
        <source>The case could not be written to %1: %2</source>
        <translation>Não foi possível gravar o caso em %1: %2</translation>
    </message>
    <message>
        <source>Case saved to %1.</source>
        <translation>Caso guardado em %1.</translation>
    </message>
    <message>
        <source>Cleaning the attachment…</source>
        <translation>Limpando o anexo…</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>Não anexado: %1</translation>
    </message>
    <message>
        <source>Attached %1: cleaned of all metadata (location, time, camera).</source>
        <translation>%1 anexado: limpo de todos os metadados (local, hora, câmera).</translation>
    </message>
    <message>
        <source>This case is already with the hub.</source>
        <translation>Este caso já está com o hub.</translation>
    </message>
    <message>
        <source>Mark the case ready first.</source>
        <translation>Marque primeiro o caso como pronto.</translation>
    </message>
    <message>
        <source>Sign in to your hub first, in Settings → Hub account.</source>
        <translation>Entre primeiro no seu hub, em Configurações → Conta no hub.</translation>
    </message>
    <message>
        <source>Submitted. The case is in the outbox and goes to the hub with the next sync; it can no longer be changed here unless the hub returns it.</source>
        <translation>Enviado. O caso está na caixa de saída e vai para o hub na próxima sincronização; já não pode ser alterado aqui, a menos que o hub o devolva.</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>Não enviado: %1</translation>
    </message>
    <message>
        <source>The case was not exported: %1</source>
        <translation>O caso não foi exportado: %1</translation>
    </message>
    <message>
        <source>The case was not exported: the latest changes could not be saved.</source>
        <translation>O caso não foi exportado: não foi possível guardar as últimas alterações.</translation>
    </message>
    <message numerus="yes">
        <source>The case file was not written: %n possible identifier(s) must be redacted, or overridden with a reason, first. A PDF export replaces them by their redaction.</source>
        <translation>
            <numerusform>O arquivo do caso não foi gravado: %n possível identificador deve primeiro ser ocultado, ou marcado como exceção com um motivo. Uma exportação em PDF substitui-o pela ocultação.</numerusform>
            <numerusform>O arquivo do caso não foi gravado: %n possíveis identificadores devem primeiro ser ocultados, ou marcados como exceção com um motivo. Uma exportação em PDF substitui-os pela ocultação.</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF saved to %1.</source>
        <translation>PDF guardado em %1.</translation>
    </message>
    <message numerus="yes">
        <source>PDF saved to %1. %n open finding(s) are replaced by their redaction in it.</source>
        <translation>
            <numerusform>PDF guardado em %1. %n ocorrência em aberto é substituída nele pela ocultação.</numerusform>
            <numerusform>PDF guardado em %1. %n ocorrências em aberto são substituídas nele pela ocultação.</numerusform>
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
        <translation>%1, item %2</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1, linha %2</translation>
    </message>
    <message>
        <source>%1, row %2: %3</source>
        <translation>%1, linha %2: %3</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
</context>
<context>
    <name>spoke::ui::HubAccountModel</name>
    <message>
        <source>The hub address must start with https:// (or http:// on a local network).</source>
        <translation>O endereço do hub deve começar com https:// (ou http:// numa rede local).</translation>
    </message>
    <message>
        <source>Enter the email address your hub account uses.</source>
        <translation>Insira o e-mail que a sua conta no hub usa.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Insira a sua senha.</translation>
    </message>
    <message>
        <source>Enter the invite code your coordinator sent you.</source>
        <translation>Insira o código de convite que o seu coordenador enviou.</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Insira o seu e-mail.</translation>
    </message>
    <message>
        <source>Enter your name as colleagues should see it.</source>
        <translation>Insira o seu nome como os colegas o devem ver.</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>A senha precisa de pelo menos %n caractere.</numerusform>
            <numerusform>A senha precisa de pelo menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>As duas senhas não são iguais.</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Conectado a %1 como %2.</translation>
    </message>
    <message>
        <source>Signed out. Cases and sessions stay on this laptop.</source>
        <translation>Desconectado. Os casos e as sessões ficam neste computador.</translation>
    </message>
    <message>
        <source>The hub no longer accepts this laptop&apos;s sign-in. Sign in again.</source>
        <translation>O hub já não aceita o acesso deste computador. Entre de novo.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::HubRecordingsModel</name>
    <message>
        <source>On this laptop: in Recordings</source>
        <translation>Neste computador: em Gravações</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Sign in to a hub in Settings to see its recordings.</source>
        <translation>Entre num hub em Configurações para ver as suas gravações.</translation>
    </message>
    <message>
        <source>Asking the hub for its recordings…</source>
        <translation>Pedindo ao hub as suas gravações…</translation>
    </message>
    <message>
        <source>The hub has no recordings for your programmes yet.</source>
        <translation>O hub ainda não tem gravações dos seus programas.</translation>
    </message>
    <message>
        <source>Full quality</source>
        <translation>Qualidade total</translation>
    </message>
    <message>
        <source>Light (360p video)</source>
        <translation>Leve (vídeo 360p)</translation>
    </message>
    <message>
        <source>Audio + slides</source>
        <translation>Áudio + slides</translation>
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
        <translation>Na fila: começa depois da transferência anterior</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Verificando o arquivo…</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>Em pausa: %1</translation>
    </message>
    <message>
        <source>Waiting: sign in to the hub again</source>
        <translation>Aguardando: entre de novo no hub</translation>
    </message>
    <message>
        <source>Waiting for the allowed hours</source>
        <translation>Aguardando o horário permitido</translation>
    </message>
    <message>
        <source>Waiting for an allowed network</source>
        <translation>Aguardando uma rede permitida</translation>
    </message>
    <message>
        <source>Waiting for a network</source>
        <translation>Aguardando uma rede</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Aguardando</translation>
    </message>
    <message>
        <source>The hub refused: your account may no longer see this recording</source>
        <translation>O hub recusou: a sua conta pode já não ter acesso a esta gravação</translation>
    </message>
    <message>
        <source>The hub no longer has this file (it may have been deleted)</source>
        <translation>O hub já não tem este arquivo (pode ter sido apagado)</translation>
    </message>
    <message>
        <source>Could not reach the hub. Resume to try again.</source>
        <translation>Não foi possível comunicar com o hub. Retome para tentar de novo.</translation>
    </message>
    <message>
        <source>The hub&apos;s file does not match its catalogue. Refresh the list and try again.</source>
        <translation>O arquivo do hub não corresponde ao seu catálogo. Atualize a lista e tente de novo.</translation>
    </message>
    <message>
        <source>Could not write the file: is the disk full?</source>
        <translation>Não foi possível gravar o arquivo: o disco está cheio?</translation>
    </message>
    <message>
        <source>The file arrived damaged and was deleted. Resume to download it again.</source>
        <translation>O arquivo chegou danificado e foi apagado. Retome para transferi-lo de novo.</translation>
    </message>
    <message>
        <source>The download stopped.</source>
        <translation>A transferência parou.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::LanguageModel</name>
    <message>
        <source>System default</source>
        <translation>A do sistema</translation>
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
        <translation>Não foi possível importar %1: %2</translation>
    </message>
    <message>
        <source>%1 is already in the library.</source>
        <translation>%1 já está na biblioteca.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 (%2, %n chapter(s)).</source>
        <translation>
            <numerusform>%1 importado (%2, %n capítulo).</numerusform>
            <numerusform>%1 importado (%2, %n capítulos).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>spoke::ui::LiveCaseModel</name>
    <message>
        <source>No case is scheduled for this session.</source>
        <translation>Nenhum caso está agendado para esta sessão.</translation>
    </message>
    <message>
        <source>The presenter&apos;s case appears here when the chair shows it.</source>
        <translation>O caso do apresentador aparece aqui quando o moderador o mostrar.</translation>
    </message>
    <message>
        <source>You are presenting: everyone&apos;s case panel follows the section you show.</source>
        <translation>Você está apresentando: o painel do caso de todos segue a seção que você mostra.</translation>
    </message>
    <message>
        <source>Reading on your own: %1 is presenting.</source>
        <translation>Lendo por conta própria: %1 está apresentando.</translation>
    </message>
    <message>
        <source>Following %1, the presenter.</source>
        <translation>Seguindo %1, o apresentador.</translation>
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
        <translation>Esta sessão não tem agenda.</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>A sessão terminou.</translation>
    </message>
    <message numerus="yes">
        <source>Now: %1, %2 of %n min</source>
        <translation>
            <numerusform>Agora: %1, %2 de %n min</numerusform>
            <numerusform>Agora: %1, %2 de %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Not started yet.</source>
        <translation>Ainda não iniciada.</translation>
    </message>
    <message>
        <source>The hub refused (409 Conflict): that item is no longer the next one, or the session is over. The agenda shows where the session stands now.</source>
        <translation>O hub recusou (409 Conflict): esse item já não é o seguinte, ou a sessão terminou. A agenda mostra o ponto atual da sessão.</translation>
    </message>
    <message>
        <source>The hub refused (403): only the programme&apos;s specialists and coordinators may do this.</source>
        <translation>O hub recusou (403): só os especialistas e coordenadores do programa podem fazer isto.</translation>
    </message>
    <message>
        <source>Not signed in to a hub: sign in under Settings → Hub account.</source>
        <translation>Não conectado a um hub: entre em Configurações → Conta no hub.</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Check the network and try again.</source>
        <translation>Não é possível comunicar com o hub. Verifique a rede e tente de novo.</translation>
    </message>
    <message>
        <source>this participant</source>
        <translation>este participante</translation>
    </message>
    <message>
        <source>%1 is muted for everyone. They still hear the session and can raise a hand.</source>
        <translation>%1 está silenciado para todos. Continua a ouvir a sessão e pode levantar a mão.</translation>
    </message>
    <message>
        <source>%1 may speak again.</source>
        <translation>%1 pode voltar a falar.</translation>
    </message>
    <message>
        <source>%1 was removed from the session and cannot join it again.</source>
        <translation>%1 foi removido da sessão e não pode voltar a entrar.</translation>
    </message>
    <message>
        <source>%1 has no microphone in the call right now; nothing changed.</source>
        <translation>%1 não tem microfone na chamada neste momento; nada mudou.</translation>
    </message>
    <message>
        <source>The hub&apos;s media server did not answer; nothing changed. Try again.</source>
        <translation>O servidor de mídia do hub não respondeu; nada mudou. Tente de novo.</translation>
    </message>
    <message>
        <source>The session is over; nothing changed.</source>
        <translation>A sessão terminou; nada mudou.</translation>
    </message>
    <message>
        <source>%1 removed %2 from the session.</source>
        <translation>%1 removeu %2 da sessão.</translation>
    </message>
    <message numerus="yes">
        <source>The hub has %n person(s) present with this device: %1</source>
        <translation>
            <numerusform>O hub tem %n pessoa presente com este dispositivo: %1</numerusform>
            <numerusform>O hub tem %n pessoas presentes com este dispositivo: %1</numerusform>
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
        <translation>Nenhum slide aberto.</translation>
    </message>
    <message>
        <source>Opened on this laptop only: the others do not see these pages. Share the PDF if they should follow them.</source>
        <translation>Aberto só neste computador: os outros não veem estas páginas. Compartilhe o PDF se eles as devem seguir.</translation>
    </message>
    <message>
        <source>Paging on your own: the presenter is on page %1.</source>
        <translation>Folheando por conta própria: o apresentador está na página %1.</translation>
    </message>
    <message>
        <source>Following the presenter.</source>
        <translation>Seguindo o apresentador.</translation>
    </message>
    <message>
        <source>Following %1, the presenter.</source>
        <translation>Seguindo %1, o apresentador.</translation>
    </message>
    <message>
        <source>Shared through the hub: everyone follows the page you show.</source>
        <translation>Compartilhado pelo hub: todos seguem a página que você mostra.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Não é possível ler %1.</translation>
    </message>
    <message>
        <source>%1 is not a PDF file.</source>
        <translation>%1 não é um arquivo PDF.</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Export it again without one.</source>
        <translation>%1 está protegido por senha. Exporte-o de novo sem senha.</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be shown.</source>
        <translation>%1 está danificado e não pode ser mostrado.</translation>
    </message>
    <message>
        <source>%1 has no pages.</source>
        <translation>%1 não tem páginas.</translation>
    </message>
    <message>
        <source>%1 has more than 300 pages.</source>
        <translation>%1 tem mais de 300 páginas.</translation>
    </message>
    <message>
        <source>%1 is larger than 50 MB.</source>
        <translation>%1 tem mais de 50 MB.</translation>
    </message>
    <message>
        <source>%1 could not be drawn.</source>
        <translation>Não foi possível desenhar %1.</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Página %1</translation>
    </message>
    <message>
        <source>The presenter shares slides: looking up their size…</source>
        <translation>O apresentador compartilha slides: verificando o tamanho…</translation>
    </message>
    <message>
        <source>Downloading the shared slides, once for this session…</source>
        <translation>Transferindo os slides compartilhados, uma vez para esta sessão…</translation>
    </message>
    <message>
        <source>Downloading the shared slides (%1), once for this session…</source>
        <translation>Transferindo os slides compartilhados (%1), uma vez para esta sessão…</translation>
    </message>
    <message>
        <source>you are not signed in to the hub.</source>
        <translation>não está conectado ao hub.</translation>
    </message>
    <message>
        <source>The shared slides could not be downloaded: %1 They are tried again at the next page turn.</source>
        <translation>Não foi possível transferir os slides compartilhados: %1 Serão tentados de novo na próxima mudança de página.</translation>
    </message>
    <message>
        <source>Downloaded once: %1. Page turns are a few bytes each.</source>
        <translation>Transferido uma vez: %1. Cada mudança de página usa poucos bytes.</translation>
    </message>
    <message>
        <source>Already on this laptop: nothing downloaded.</source>
        <translation>Já está neste computador: nada foi transferido.</translation>
    </message>
    <message>
        <source>Shared slides</source>
        <translation>Slides compartilhados</translation>
    </message>
    <message>
        <source>Not shared: a deck is still on its way.</source>
        <translation>Não compartilhado: ainda há outros slides a caminho.</translation>
    </message>
    <message>
        <source>Not shared: join a live session from the hub&apos;s schedule first.</source>
        <translation>Não compartilhado: entre primeiro numa sessão ao vivo a partir da agenda do hub.</translation>
    </message>
    <message>
        <source>Sharing %1…</source>
        <translation>Compartilhando %1…</translation>
    </message>
    <message>
        <source>%1 is larger than the hub&apos;s limit of 64 MB.</source>
        <translation>%1 tem mais do que o limite de 64 MB do hub.</translation>
    </message>
    <message>
        <source>Not shared: %1</source>
        <translation>Não compartilhado: %1</translation>
    </message>
    <message>
        <source>Uploaded once: %1. Each page turn sends a few bytes.</source>
        <translation>Enviado uma vez: %1. Cada mudança de página envia poucos bytes.</translation>
    </message>
    <message>
        <source>Page %1 did not reach the others: %2</source>
        <translation>A página %1 não chegou aos outros: %2</translation>
    </message>
    <message>
        <source>the hub says it is not a PDF file.</source>
        <translation>o hub diz que não é um arquivo PDF.</translation>
    </message>
    <message>
        <source>the hub cannot open this PDF: it is protected by a password, damaged or empty.</source>
        <translation>o hub não consegue abrir este PDF: está protegido por senha, danificado ou vazio.</translation>
    </message>
    <message>
        <source>it is over the hub&apos;s limit of 64 MB or 300 pages.</source>
        <translation>ultrapassa o limite do hub de 64 MB ou 300 páginas.</translation>
    </message>
    <message>
        <source>the hub cannot be reached. Check the connection and try again.</source>
        <translation>não é possível comunicar com o hub. Verifique a conexão e tente de novo.</translation>
    </message>
    <message>
        <source>you are not a member of this session&apos;s programme.</source>
        <translation>não é membro do programa desta sessão.</translation>
    </message>
    <message>
        <source>the hub does not have this session or deck.</source>
        <translation>o hub não tem esta sessão ou estes slides.</translation>
    </message>
    <message>
        <source>the hub cannot store slides right now.</source>
        <translation>o hub não consegue guardar slides neste momento.</translation>
    </message>
    <message>
        <source>this laptop could not keep the slides (is the disk full?).</source>
        <translation>este computador não conseguiu guardar os slides (o disco está cheio?).</translation>
    </message>
    <message>
        <source>the hub answered with an error (HTTP %1).</source>
        <translation>o hub respondeu com um erro (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>spoke::ui::LockModel</name>
    <message>
        <source>A PIN needs at least %1 digits.</source>
        <translation>Um PIN precisa de pelo menos %1 dígitos.</translation>
    </message>
    <message>
        <source>A PIN has at most %1 digits.</source>
        <translation>Um PIN tem no máximo %1 dígitos.</translation>
    </message>
    <message>
        <source>A PIN is digits only (0 to 9).</source>
        <translation>Um PIN tem só dígitos (0 a 9).</translation>
    </message>
    <message>
        <source>One digit repeated (like 0000) is among the first PINs anyone tries. Choose another.</source>
        <translation>Um dígito repetido (como 0000) está entre os primeiros PINs que qualquer pessoa tenta. Escolha outro.</translation>
    </message>
    <message>
        <source>A run of digits (like 1234 or 9876) is among the first PINs anyone tries. Choose another.</source>
        <translation>Uma sequência de dígitos (como 1234 ou 9876) está entre os primeiros PINs que qualquer pessoa tenta. Escolha outro.</translation>
    </message>
    <message>
        <source>A repeated block (like 1212) is among the first PINs anyone tries. Choose another.</source>
        <translation>Um bloco repetido (como 1212) está entre os primeiros PINs que qualquer pessoa tenta. Escolha outro.</translation>
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
        <translation>Tente de novo daqui a %1 s</translation>
    </message>
    <message>
        <source>Try again in %1 min %2 s</source>
        <translation>Tente de novo daqui a %1 min %2 s</translation>
    </message>
    <message>
        <source>Spoke cannot read its app-lock file, so this profile stays locked. Whoever looks after this laptop can remove the file to start again: %1</source>
        <translation>O Spoke não consegue ler o seu arquivo de bloqueio, por isso este perfil continua bloqueado. Quem cuida deste computador pode remover o arquivo para recomeçar: %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Desligado</translation>
    </message>
    <message>
        <source>Wrong PIN. After too many wrong PINs, Spoke makes you wait before the next try.</source>
        <translation>PIN errado. Depois de PINs errados demais, o Spoke faz você esperar antes da próxima tentativa.</translation>
    </message>
    <message>
        <source>Wrong PIN. One more wrong PIN and Spoke makes you wait before the next try.</source>
        <translation>PIN errado. Mais um PIN errado e o Spoke faz você esperar antes da próxima tentativa.</translation>
    </message>
    <message>
        <source>Wrong PIN. %1 more wrong PINs and Spoke makes you wait before the next try.</source>
        <translation>PIN errado. Mais %1 PINs errados e o Spoke faz você esperar antes da próxima tentativa.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN errado.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: wait before the next try.</source>
        <translation>PINs errados demais: espere antes da próxima tentativa.</translation>
    </message>
    <message>
        <source>Spoke could not check or keep the PIN: %1</source>
        <translation>O Spoke não conseguiu verificar ou guardar o PIN: %1</translation>
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation>Os dois novos PINs não são iguais.</translation>
    </message>
    <message>
        <source>The current PIN is wrong.</source>
        <translation>O PIN atual está errado.</translation>
    </message>
    <message>
        <source>PIN changed.</source>
        <translation>PIN alterado.</translation>
    </message>
    <message>
        <source>PIN set. Spoke now locks when it starts, after %1 without input, and with Lock now (Ctrl+L).</source>
        <translation>PIN definido. O Spoke agora bloqueia quando inicia, após %1 sem atividade e com Bloquear agora (Ctrl+L).</translation>
    </message>
    <message>
        <source>PIN removed. Spoke no longer locks.</source>
        <translation>PIN removido. O Spoke deixa de bloquear.</translation>
    </message>
    <message>
        <source>Spoke no longer locks when idle. It still locks when it starts and with Lock now.</source>
        <translation>O Spoke deixa de bloquear por inatividade. Continua a bloquear quando inicia e com Bloquear agora.</translation>
    </message>
    <message>
        <source>Spoke now locks after %1 without input.</source>
        <translation>O Spoke agora bloqueia após %1 sem atividade.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::MediaSettingsModel</name>
    <message>
        <source>The microphone was changed while recording. Try again.</source>
        <translation>O microfone foi trocado durante a gravação. Tente de novo.</translation>
    </message>
    <message>
        <source>No microphone is chosen, so others will not hear you. Plug one in, or pick the test tone to try Spoke.</source>
        <translation>Nenhum microfone escolhido, por isso os outros não poderão ouvi-lo. Ligue um, ou escolha o tom de teste para experimentar o Spoke.</translation>
    </message>
    <message>
        <source>Choose a microphone first.</source>
        <translation>Escolha primeiro um microfone.</translation>
    </message>
    <message>
        <source>Open Settings → Audio &amp; video to test your audio.</source>
        <translation>Abra Configurações → Áudio &amp; vídeo para testar o seu áudio.</translation>
    </message>
    <message numerus="yes">
        <source>Records %n seconds and plays them back.</source>
        <translation>
            <numerusform>Grava %n segundo e reproduz a gravação.</numerusform>
            <numerusform>Grava %n segundos e reproduz a gravação.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recording… %n s left. Say something.</source>
        <translation>
            <numerusform>Gravando… falta %n s. Diga alguma coisa.</numerusform>
            <numerusform>Gravando… faltam %n s. Diga alguma coisa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Playing back…</source>
        <translation>Reproduzindo…</translation>
    </message>
    <message>
        <source>Done. Did you hear yourself clearly?</source>
        <translation>Concluído. Ouviu a sua voz com clareza?</translation>
    </message>
    <message>
        <source>Recorded %1 s, but playback failed.</source>
        <translation>Gravados %1 s, mas a reprodução falhou.</translation>
    </message>
    <message>
        <source>The test could not run.</source>
        <translation>Não foi possível fazer o teste.</translation>
    </message>
    <message>
        <source>No microphone was found. Connect a microphone or a headset.</source>
        <translation>Nenhum microfone foi encontrado. Ligue um microfone ou um headset.</translation>
    </message>
    <message>
        <source>The microphone could not be opened: %1. No sound is being picked up.</source>
        <translation>Não foi possível abrir o microfone: %1. Nenhum som está sendo captado.</translation>
    </message>
    <message>
        <source>The microphone stopped: %1.</source>
        <translation>O microfone parou: %1.</translation>
    </message>
    <message>
        <source>Audio processing failed: %1</source>
        <translation>O processamento de áudio falhou: %1</translation>
    </message>
    <message>
        <source>No speaker is chosen, so the recording cannot be played back. Connect speakers or a headset, then choose them above.</source>
        <translation>Nenhum alto-falante escolhido, por isso a gravação não pode ser reproduzida. Ligue alto-falantes ou um headset e escolha-os acima.</translation>
    </message>
    <message>
        <source>The recording could not be played back: %1</source>
        <translation>Não foi possível reproduzir a gravação: %1</translation>
    </message>
    <message>
        <source>Playback stopped: %1</source>
        <translation>A reprodução parou: %1</translation>
    </message>
</context>
<context>
    <name>spoke::ui::PlayerModel</name>
    <message>
        <source>No sound output</source>
        <translation>Sem saída de som</translation>
    </message>
    <message>
        <source>Sound on %1</source>
        <translation>Som em %1</translation>
    </message>
    <message>
        <source>No sound output: %1</source>
        <translation>Sem saída de som: %1</translation>
    </message>
    <message>
        <source>This recording is no longer in the cache.</source>
        <translation>Esta gravação já não está no cache.</translation>
    </message>
    <message>
        <source>Case %1: %2</source>
        <translation>Caso %1: %2</translation>
    </message>
    <message>
        <source>This recording is not on this laptop. Its chapters, notes and chat are shown below.</source>
        <translation>Esta gravação não está neste computador. Os seus capítulos, notas e chat são mostrados abaixo.</translation>
    </message>
    <message>
        <source>The file of this recording is missing: %1. Its chapters, notes and chat are shown below.</source>
        <translation>Falta o arquivo desta gravação: %1. Os seus capítulos, notas e chat são mostrados abaixo.</translation>
    </message>
    <message>
        <source>This recording cannot be played: %1</source>
        <translation>Esta gravação não pode ser reproduzida: %1</translation>
    </message>
    <message>
        <source>This file is damaged or cut short: it plays until %1. %2</source>
        <translation>Este arquivo está danificado ou incompleto: reproduz até %1. %2</translation>
    </message>
    <message>
        <source>The slides of this recording are not on this laptop.</source>
        <translation>Os slides desta gravação não estão neste computador.</translation>
    </message>
    <message>
        <source>Slide %1</source>
        <translation>Slide %1</translation>
    </message>
    <message>
        <source>Slide %1 of %2</source>
        <translation>Slide %1 de %2</translation>
    </message>
    <message>
        <source>Slide %1 of %2 · %3</source>
        <translation>Slide %1 de %2 · %3</translation>
    </message>
    <message>
        <source>Hand raised: %1</source>
        <translation>Mão levantada: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
</context>
<context>
    <name>spoke::ui::ReviewModel</name>
    <message>
        <source>Write the question the presenter should answer.</source>
        <translation>Escreva a pergunta que o apresentador deve responder.</translation>
    </message>
    <message>
        <source>Recommendation for %1 queued; it goes to the hub with the next sync.</source>
        <translation>Recomendação para %1 na fila; vai para o hub na próxima sincronização.</translation>
    </message>
    <message>
        <source>%1 queued to go back to its presenter with your question.</source>
        <translation>%1 na fila para voltar ao seu apresentador com a sua pergunta.</translation>
    </message>
</context>
<context>
    <name>spoke::ui::ScreenShareModel</name>
    <message>
        <source>Screen sharing is unavailable: this computer has no X display to capture.</source>
        <translation>O compartilhamento de tela não está disponível: este computador não tem display X para capturar.</translation>
    </message>
    <message>
        <source>Screen sharing is unavailable in a Wayland session: Spoke captures the screen through X11 only. Log in with an X11 session (&quot;GNOME on Xorg&quot;) to share it, or share your slides as a PDF.</source>
        <translation>O compartilhamento de tela não está disponível numa sessão Wayland: o Spoke captura a tela apenas através do X11. Entre com uma sessão X11 (&quot;GNOME on Xorg&quot;) para compartilhá-la, ou compartilhe os seus slides como PDF.</translation>
    </message>
    <message>
        <source>Screen sharing is unavailable: the X display %1 does not answer.</source>
        <translation>O compartilhamento de tela não está disponível: o display X %1 não responde.</translation>
    </message>
    <message>
        <source>Screen %1</source>
        <translation>Tela %1</translation>
    </message>
    <message>
        <source>Your whole screen</source>
        <translation>A sua tela inteira</translation>
    </message>
    <message>
        <source>Everything on it, %1 × %2</source>
        <translation>Tudo o que nela está, %1 × %2</translation>
    </message>
    <message>
        <source>One window, %1 × %2</source>
        <translation>Uma janela, %1 × %2</translation>
    </message>
    <message>
        <source>Sharing %1. Everyone sees it as a tile of its own.</source>
        <translation>Compartilhando %1. Aparece a todos num quadro próprio.</translation>
    </message>
    <message>
        <source>Screen sharing stopped: it could not be captured or sent (%1).</source>
        <translation>O compartilhamento de tela parou: não foi possível capturá-la ou enviá-la (%1).</translation>
    </message>
    <message>
        <source>Join the call first, then share your screen.</source>
        <translation>Entre primeiro na chamada e depois compartilhe a sua tela.</translation>
    </message>
    <message>
        <source>Starting to share %1…</source>
        <translation>Começando a compartilhar %1…</translation>
    </message>
</context>
</TS>
