package store.traffictacos.capacity.emulator.guard;

import store.traffictacos.capacity.emulator.http.ApiRequest;

/** The client a request is limited as: first X-Forwarded-For entry, else X-Real-IP, else the peer. */
public final class ClientAddress {
    private ClientAddress() {}

    public static String of(ApiRequest request) {
        return request.header("X-Forwarded-For")
                .map(list -> list.split(",", 2)[0].strip())
                .filter(ip -> !ip.isEmpty())
                .or(() -> request.header("X-Real-IP").filter(ip -> !ip.isEmpty()))
                .orElse(request.clientIp());
    }
}
