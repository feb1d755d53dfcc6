package de.studienlotse.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits of a request at the edge are Boot's settings in {@code application.yml}: request line
 * ({@code server.netty.max-initial-line-length}), header block ({@code server.max-http-request-header-size}) and body
 * ({@code spring.codec.max-in-memory-size}, refused by the controllers' advice as 413). A request line or header
 * block over its limit never reaches Spring: Netty's decoder marks the request failed and Reactor Netty would answer a
 * bare 414 or 431. The handler added here answers it first, as a German problem detail; so does the handler of
 * addresses Spring Security's firewall refuses.
 */
@Configuration(proxyBeanMethods = false)
class EdgeLimitsConfiguration {

    static final String HANDLER = "studienlotse.decodingFailure";

    /**
     * Spring Security's firewall refuses addresses with an encoded slash or percent sign, a semicolon, a backslash
     * and the like before any controller runs, by default as a bare 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedAddressesAsProblems(JsonMapper json) {
        return (exchange, rejected) -> Problems.write(exchange, json, HttpStatus.BAD_REQUEST, "Die Adresse enthält Zeichen, "
                + "die Studienlotse nicht annimmt (etwa einen kodierten Schrägstrich, ein kodiertes Prozentzeichen oder ein Semikolon).");
    }

    @Bean
    NettyServerCustomizer decodingFailuresAsProblems(Environment environment, JsonMapper json) {
        DataSize line = environment.getProperty("server.netty.max-initial-line-length", DataSize.class, DataSize.ofKilobytes(4));
        DataSize headers = environment.getProperty("server.max-http-request-header-size", DataSize.class, DataSize.ofKilobytes(8));
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, HANDLER, new DecodingFailureHandler(json, line, headers));
            }
        });
    }

    /** Answers a request Netty could not decode with a problem detail and closes the connection, as Netty would. */
    @ChannelHandler.Sharable
    static final class DecodingFailureHandler extends ChannelInboundHandlerAdapter {

        private final JsonMapper json;
        private final DataSize line;
        private final DataSize headers;

        DecodingFailureHandler(JsonMapper json, DataSize line, DataSize headers) {
            this.json = json;
            this.line = line;
            this.headers = headers;
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!(message instanceof HttpObject object) || !object.decoderResult().isFailure()) {
                context.fireChannelRead(message);
                return;
            }
            Throwable cause = object.decoderResult().cause();
            ReferenceCountUtil.release(message);
            HttpStatus status;
            String detail;
            if (cause instanceof TooLongHttpLineException) {
                status = HttpStatus.URI_TOO_LONG;
                detail = ("Die Adresse der Anfrage ist zu lang: höchstens %d Bytes für Methode, Pfad und Parameter. "
                        + "Eine Suche darf 1.000 Zeichen lang sein; längere Texte bitte kürzen.").formatted(line.toBytes());
            } else if (cause instanceof TooLongHttpHeaderException) {
                status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                detail = "Die Kopfzeilen der Anfrage sind zu groß: höchstens %d Bytes zusammen (etwa Cookies)."
                        .formatted(headers.toBytes());
            } else {
                status = HttpStatus.BAD_REQUEST;
                detail = "Die Anfrage ist keine gültige HTTP-Anfrage.";
            }
            // no instance: a request that cannot be read has no trustworthy path
            byte[] body = Problems.json(json, status, detail, null);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            // the rest of what the client sends belongs to a request that cannot be read: close, as Netty does
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
