package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ClientNetworkTests {

    @Test
    void should_name_an_ipv4_client_by_its_address() throws UnknownHostException {
        assertThat(ClientNetwork.of(InetAddress.getByName("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void should_name_an_ipv4_mapped_ipv6_client_as_its_ipv4_address() throws UnknownHostException {
        assertThat(ClientNetwork.of(InetAddress.getByName("::ffff:203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void should_name_every_ipv6_address_of_one_64_network_alike() throws UnknownHostException {
        // when
        String first = ClientNetwork.of(InetAddress.getByName("2001:db8:a:b::1"));
        String second = ClientNetwork.of(InetAddress.getByName("2001:0db8:000a:000b:ffff:ffff:ffff:ffff"));
        String neighbour = ClientNetwork.of(InetAddress.getByName("2001:db8:a:c::1"));

        // then
        assertThat(first).isEqualTo(second).isEqualTo("2001:db8:a:b::/64");
        assertThat(neighbour).isEqualTo("2001:db8:a:c::/64");
    }
}
